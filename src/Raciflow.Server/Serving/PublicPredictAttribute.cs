namespace Raciflow.Server.Serving;

/// <summary>Endpoint metadata: a predict endpoint, open without a token for the models raciflow.yaml lists under serving.public.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class PublicPredictAttribute : Attribute;
