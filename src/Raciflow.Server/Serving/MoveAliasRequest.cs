namespace Raciflow.Server.Serving;

/// <summary>Body of <c>PUT /models/{name}/aliases/{alias}</c>; <see cref="ApprovalId"/> performs an approved production move.</summary>
public sealed record MoveAliasRequest(int Version, long? ApprovalId);
