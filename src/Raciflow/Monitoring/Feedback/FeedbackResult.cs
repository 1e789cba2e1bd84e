namespace Raciflow.Monitoring.Feedback;

/// <summary>What a feedback upload did: rows new to the store, rows that replaced an earlier actual value.</summary>
public sealed record FeedbackResult(string Model, string KeyColumn, int Inserted, int Updated)
{
    public int Rows => Inserted + Updated;
}
