using Raciflow.Data;

namespace Raciflow.Bench.Training;

/// <summary>
/// A synthetic data set shaped like the Kaggle "students performance in exams" one: gender, race/ethnicity group
/// A–E, parental education (6 levels), lunch, test preparation, reading and writing scores, and a math score that
/// depends on them plus noise.
/// </summary>
internal static class StudentPerformanceData
{
    private static readonly string[] Education = ["some high school", "high school", "some college", "associate's degree", "bachelor's degree", "master's degree"];

    public static Frame Create(int rows, int seed)
    {
        var random = new Random(seed);
        var gender = new string?[rows];
        var race = new string?[rows];
        var parents = new string?[rows];
        var lunch = new string?[rows];
        var prep = new string?[rows];
        var reading = new double[rows];
        var writing = new double[rows];
        var math = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var female = random.NextDouble() < 0.52;
            var group = random.Next(5);
            var education = random.Next(Education.Length);
            var standardLunch = random.NextDouble() < 0.65;
            var prepared = random.NextDouble() < 0.36;
            var ability = Normal(random) * 12;
            gender[r] = female ? "female" : "male";
            race[r] = "group " + (char)('A' + group);
            parents[r] = Education[education];
            lunch[r] = standardLunch ? "standard" : "free/reduced";
            prep[r] = prepared ? "completed" : "none";
            var baseline = 60 + (2 * group) + (1.5 * education) + (standardLunch ? 8 : 0) + (prepared ? 6 : 0) + ability;
            reading[r] = Clamp(baseline + (female ? 4 : -3) + (Normal(random) * 5));
            writing[r] = Clamp(baseline + (female ? 6 : -4) + (prepared ? 3 : 0) + (Normal(random) * 5));
            math[r] = Clamp(baseline + (female ? -4 : 4) + (Normal(random) * 6));
        }

        return new Frame(
        [
            new StringColumn("gender", ColumnType.Categorical, gender),
            new StringColumn("race_ethnicity", ColumnType.Categorical, race),
            new StringColumn("parental_level_of_education", ColumnType.Categorical, parents),
            new StringColumn("lunch", ColumnType.Categorical, lunch),
            new StringColumn("test_preparation_course", ColumnType.Categorical, prep),
            new NumericColumn("reading_score", ColumnType.Integer, reading),
            new NumericColumn("writing_score", ColumnType.Integer, writing),
            new NumericColumn("math_score", ColumnType.Integer, math),
        ]);
    }

    private static double Clamp(double score) => Math.Round(Math.Clamp(score, 0, 100));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
