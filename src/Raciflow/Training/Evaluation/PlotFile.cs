namespace Raciflow.Training.Evaluation;

/// <summary>A rendered chart, ready to store as a run artifact (e.g. "roc.svg", "image/svg+xml").</summary>
public sealed record PlotFile(string Name, string ContentType, byte[] Content);
