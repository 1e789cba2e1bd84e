using Raciflow.Data;
using Raciflow.Tests.Support;
using Raciflow.Tests.Training;

namespace Raciflow.Tests.Packaging;

/// <summary>The shared penguins data for packaging tests, plus probe rows a deployed model must also handle.</summary>
internal static class PackagingFrames
{
    public static Frame Penguins() => CsvFrames.Load(RepositoryPaths.TestData("penguins.csv"));

    /// <summary>Training rows for a target: those where it is present (and, for sex, one of the two real values: the file has a stray ".").</summary>
    public static Frame TrainingRows(string target)
    {
        var frame = Penguins();
        var keep = Enumerable.Range(0, frame.RowCount).Where(r => frame[target].Format(r) is { } v && v != ".").ToArray();
        return frame.Take(keep);
    }

    /// <summary>
    /// Every penguin row plus three probes: an island never seen in training, missing measurements, and a missing
    /// sex and island.
    /// </summary>
    public static Frame WithProbes()
    {
        var frame = Penguins();
        var probes = frame.Take([0, 1, 2]);
        var columns = probes.Columns.Select(column => column.Name switch
        {
            "island" => new StringColumn(column.Name, column.Type, ["Atlantis", "Biscoe", null]),
            "beak_length_mm" => new NumericColumn(column.Name, column.Type, [39.1, double.NaN, 45.2]),
            "body_mass_g" => new NumericColumn(column.Name, column.Type, [3750, double.NaN, 5100]),
            "sex" => new StringColumn(column.Name, column.Type, ["MALE", "FEMALE", null]),
            _ => column,
        }).ToList();
        var all = Enumerable.Range(0, frame.RowCount).ToArray();
        return new Frame(frame.Columns.Select((c, i) => Concat(c.Take(all), columns[i])).ToList());
    }

    private static FrameColumn Concat(FrameColumn first, FrameColumn second) => (first, second) switch
    {
        (NumericColumn a, NumericColumn b) => new NumericColumn(a.Name, a.Type, [.. a.Values, .. b.Values]),
        (StringColumn a, StringColumn b) => new StringColumn(a.Name, a.Type, [.. a.Values, .. b.Values]),
        _ => throw new ArgumentException($"Cannot join column '{first.Name}' of {first.GetType().Name} and {second.GetType().Name}."),
    };
}
