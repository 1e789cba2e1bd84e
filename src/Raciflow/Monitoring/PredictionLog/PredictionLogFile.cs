namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// The index row of one written prediction-log file, so readers find the files of a model, version and time
/// window without listing the artifact store. Inserted only after the file exists.
/// </summary>
public sealed class PredictionLogFile
{
    public long Id { get; set; }

    public required string Model { get; set; }

    public int Version { get; set; }

    public DateOnly Day { get; set; }

    public required string ArtifactKey { get; set; }

    public int RowCount { get; set; }

    /// <summary>Time of the earliest prediction in the file (UTC, whole microseconds).</summary>
    public DateTime FirstTime { get; set; }

    public DateTime LastTime { get; set; }

    public DateTime WrittenAt { get; set; }
}
