namespace Raciflow.Registry;

/// <summary>Where a model version came from: model version → run → dataset version (source file hash) and split.</summary>
public sealed record ModelLineage
{
    public required ModelVersionDetails Version { get; init; }

    public required LineageRun Run { get; init; }

    public LineageRun? ParentRun { get; init; }

    public LineageDataset? Dataset { get; init; }

    public LineageSplit? Split { get; init; }
}
