namespace Raciflow.Data.Profiling;

/// <summary>Maps a stage's 0–1 progress onto its slice [from, to] of the whole; reports synchronously.</summary>
internal sealed class ScaledProgress(IProgress<double> inner, double from, double to) : IProgress<double>
{
    public void Report(double value) => inner.Report(from + ((to - from) * Math.Clamp(value, 0, 1)));
}
