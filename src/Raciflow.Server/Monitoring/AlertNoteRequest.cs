namespace Raciflow.Server.Monitoring;

/// <summary>Body of <c>POST /alerts/{id}/ack</c> and <c>/resolve</c>: an optional note kept on the alert.</summary>
public sealed record AlertNoteRequest(string? Note);
