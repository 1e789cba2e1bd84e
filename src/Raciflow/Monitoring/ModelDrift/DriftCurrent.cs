using Raciflow.Data;

namespace Raciflow.Monitoring.ModelDrift;

/// <summary>
/// What a model's training rows are compared with: the predictions it served in a time window (from the prediction
/// log), a dataset version, or a CSV/Parquet file the user names.
/// </summary>
public sealed record DriftCurrent
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public DatasetRef? Dataset { get; init; }

    public string? File { get; init; }

    /// <summary>For a window: compare only its newest this many predictions (the scheduled checks bound their memory so).</summary>
    public int? MaxRows { get; init; }

    public static DriftCurrent Window(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to };

    public static DriftCurrent OfDataset(DatasetRef dataset) => new() { Dataset = dataset };

    public static DriftCurrent OfFile(string path) => new() { File = path };

    public string Describe() => Dataset is { } d ? $"dataset {d}"
        : File is { } f ? $"file {Path.GetFileName(f)}"
        : $"served predictions {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm} UTC";
}
