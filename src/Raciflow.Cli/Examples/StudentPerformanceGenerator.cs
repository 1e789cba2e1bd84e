using System.Globalization;
using System.Text;

namespace Raciflow.Cli.Examples;

/// <summary>
/// Generates the classic exam-scores data set (1,000 students) with the structure users know from it:
/// reading and writing strongly correlated, math correlated with both, a lunch effect, a test-preparation
/// effect, gender differences by subject, and scores clipped to 0–100. Seeded, so the bundled CSV is
/// reproducible byte for byte.
/// </summary>
public static class StudentPerformanceGenerator
{
    public const string Header = "gender,race_ethnicity,parental_level_of_education,lunch,test_preparation_course,math_score,reading_score,writing_score";

    /// <summary>The bundled data set: 1,000 students of <see cref="StudentCohort.Typical"/>, seed 42.</summary>
    public static string GenerateCsv(int rows = 1000, int seed = 42)
    {
        var csv = new StringBuilder(rows * 80);
        csv.Append(Header).Append('\n');
        foreach (var s in Generate(rows, seed, StudentCohort.Typical))
        {
            csv.Append(s.Gender).Append(',').Append(s.RaceEthnicity).Append(',').Append(s.ParentalLevelOfEducation).Append(',')
                .Append(s.Lunch).Append(',').Append(s.TestPreparationCourse).Append(',')
                .Append(s.MathScore.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(s.ReadingScore.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(s.WritingScore.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>
    /// Students drawn from <paramref name="cohort"/>'s mix of backgrounds; the scores follow the same structure
    /// whatever the cohort, so a shifted cohort changes the inputs' distribution, not how math relates to them.
    /// </summary>
    public static IEnumerable<StudentRecord> Generate(int rows, int seed, StudentCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var random = new Random(seed);
        for (var i = 0; i < rows; i++)
        {
            var gender = Pick(random, cohort.Genders);
            var group = Pick(random, cohort.Groups);
            var education = Pick(random, cohort.Education);
            var lunch = Pick(random, cohort.Lunch);
            var preparation = Pick(random, cohort.Preparation);

            // Latent general ability drives all three scores; a shared verbal factor ties reading to writing.
            var general = Gaussian(random);
            var verbal = Gaussian(random);
            var mathNoise = Gaussian(random);
            var writingNoise = Gaussian(random);
            var mathLatent = (0.97 * general) + (0.24 * mathNoise);
            var readingLatent = (0.92 * general) + (0.39 * verbal);
            var writingLatent = (0.90 * general) + (0.33 * verbal) + (0.28 * writingNoise);

            var (mathEffect, readingEffect, writingEffect) = Effects(gender, group, education, lunch, preparation);
            yield return new StudentRecord(
                gender,
                group,
                education,
                lunch,
                preparation,
                Score(55.5 + mathEffect + (13.0 * mathLatent)),
                Score(63.0 + readingEffect + (13.0 * readingLatent)),
                Score(61.5 + writingEffect + (13.5 * writingLatent)));
        }
    }

    private static (double Math, double Reading, double Writing) Effects(string gender, string group, string education, string lunch, string preparation)
    {
        double math = 0, reading = 0, writing = 0;
        if (gender == "male")
        {
            math += 5.0;
            reading -= 7.0;
            writing -= 9.0;
        }

        var groupEffect = group switch { "group A" => -4.0, "group B" => -2.5, "group C" => -1.5, "group D" => 1.0, _ => 6.0 };
        math += groupEffect;
        reading += groupEffect * 0.5;
        writing += groupEffect * 0.6;

        var educationEffect = education switch
        {
            "some high school" => -2.0,
            "high school" => -3.5,
            "some college" => 0.5,
            "associate's degree" => 1.5,
            "bachelor's degree" => 3.5,
            _ => 5.0,
        };
        math += educationEffect;
        reading += educationEffect;
        writing += educationEffect * 1.3;

        if (lunch == "standard")
        {
            math += 11.0;
            reading += 7.0;
            writing += 7.8;
        }

        if (preparation == "completed")
        {
            math += 5.6;
            reading += 7.4;
            writing += 9.9;
        }

        return (math, reading, writing);
    }

    private static int Score(double value) => (int)Math.Round(Math.Clamp(value, 0, 100), MidpointRounding.AwayFromZero);

    private static string Pick(Random random, IReadOnlyList<(string Value, double Weight)> choices)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        foreach (var (value, weight) in choices)
        {
            cumulative += weight;
            if (u < cumulative)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    // Box–Muller; Random has no Gaussian sampler, and this keeps the output independent of library versions.
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
