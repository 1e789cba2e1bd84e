namespace Raciflow.Cli.Examples;

/// <summary>One generated student: the example's five background columns and three exam scores (0–100).</summary>
public sealed record StudentRecord(
    string Gender,
    string RaceEthnicity,
    string ParentalLevelOfEducation,
    string Lunch,
    string TestPreparationCourse,
    int MathScore,
    int ReadingScore,
    int WritingScore)
{
    /// <summary>The model's inputs by column name, as a prediction request carries them (math_score is the target).</summary>
    public IReadOnlyDictionary<string, object> Inputs() => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["gender"] = Gender,
        ["race_ethnicity"] = RaceEthnicity,
        ["parental_level_of_education"] = ParentalLevelOfEducation,
        ["lunch"] = Lunch,
        ["test_preparation_course"] = TestPreparationCourse,
        ["reading_score"] = ReadingScore,
        ["writing_score"] = WritingScore,
    };
}
