namespace Raciflow.Server.Serving;

/// <summary>
/// Endpoint metadata: the handler authorises and audits through a core service that knows the exact action (e.g. an
/// alias move is models.alias or, for production, an approval), so the governance filter only authenticates.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class GovernedInHandlerAttribute : Attribute;
