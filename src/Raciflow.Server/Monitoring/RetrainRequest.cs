namespace Raciflow.Server.Monitoring;

/// <summary>Body of <c>POST /models/{name}/retrain</c>: why the retraining was started.</summary>
public sealed record RetrainRequest(string? Reason);
