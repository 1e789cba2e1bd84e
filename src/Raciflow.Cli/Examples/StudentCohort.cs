namespace Raciflow.Cli.Examples;

/// <summary>
/// The mix of backgrounds students are drawn from (weights per value, summing to 1). <see cref="Typical"/> is the
/// classic data set's; <see cref="NewDistrict"/> is a poorer district with less test preparation, the population
/// shift that the quickstart sends to show drift detection.
/// </summary>
public sealed record StudentCohort(
    IReadOnlyList<(string Value, double Weight)> Genders,
    IReadOnlyList<(string Value, double Weight)> Groups,
    IReadOnlyList<(string Value, double Weight)> Education,
    IReadOnlyList<(string Value, double Weight)> Lunch,
    IReadOnlyList<(string Value, double Weight)> Preparation)
{
    public static StudentCohort Typical { get; } = new(
        [("female", 0.518), ("male", 0.482)],
        [("group A", 0.089), ("group B", 0.190), ("group C", 0.319), ("group D", 0.262), ("group E", 0.140)],
        [
            ("some high school", 0.179), ("high school", 0.196), ("some college", 0.226),
            ("associate's degree", 0.222), ("bachelor's degree", 0.118), ("master's degree", 0.059),
        ],
        [("standard", 0.645), ("free/reduced", 0.355)],
        [("none", 0.642), ("completed", 0.358)]);

    public static StudentCohort NewDistrict { get; } = Typical with
    {
        Groups = [("group A", 0.300), ("group B", 0.350), ("group C", 0.200), ("group D", 0.100), ("group E", 0.050)],
        Education =
        [
            ("some high school", 0.380), ("high school", 0.320), ("some college", 0.150),
            ("associate's degree", 0.100), ("bachelor's degree", 0.040), ("master's degree", 0.010),
        ],
        Lunch = [("standard", 0.250), ("free/reduced", 0.750)],
        Preparation = [("none", 0.900), ("completed", 0.100)],
    };
}
