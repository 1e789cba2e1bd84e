namespace Raciflow.Server.Governance;

/// <summary>The body of a comment on an approval request.</summary>
public sealed record CommentRequest(string? Text);
