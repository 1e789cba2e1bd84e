namespace Raciflow.Server.Serving;

/// <summary>Body of <c>POST /models</c>: the run whose model becomes the next version of <see cref="Name"/>.</summary>
public sealed record RegisterModelRequest(string? RunId, string? Name, string? Description);
