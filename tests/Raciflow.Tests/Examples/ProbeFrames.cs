using Raciflow.Data;

namespace Raciflow.Tests.Examples;

/// <summary>The sample test's edits (an unseen island on row 1, a missing beak length on row 2) applied to a frame.</summary>
internal static class ProbeFrames
{
    public static Frame WithRow1IslandAndRow2Beak(this Frame frame) => new(frame.Columns.Select(c => c.Name switch
    {
        "island" => (FrameColumn)new StringColumn(c.Name, c.Type, Enumerable.Range(0, c.Length).Select(r => r == 1 ? "Atlantis" : c.Format(r)).ToArray()),
        "beak_length_mm" => new NumericColumn(c.Name, c.Type, ((NumericColumn)c).Values.Select((v, r) => r == 2 ? double.NaN : v).ToArray()),
        _ => c,
    }).ToList());
}
