using System.Globalization;

namespace Raciflow.Data.Splitting;

/// <summary>
/// Splits rows into train, validation and test parts: shuffled with a seeded generator (per stratum when
/// stratifying, strata in ordinal order of their value), part sizes rounded half away from zero. Pure and
/// deterministic for the same frame and request.
/// </summary>
public static class DatasetSplitter
{
    private const string MissingStratum = "\u0000missing";

    public static SplitIndices Split(Frame frame, SplitRequest request, string datasetLabel)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(request);
        CheckFractions(request);
        if (frame.RowCount == 0)
        {
            throw RaciflowException.Invalid($"{datasetLabel} has no rows to split.");
        }

        var strata = Strata(frame, request, datasetLabel);
        var random = new Random(request.Seed);
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        foreach (var (value, rows) in strata)
        {
            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            var (nTest, nValidation) = PartSizes(shuffled.Length, request, value, datasetLabel);
            test.AddRange(shuffled.Take(nTest));
            validation.AddRange(shuffled.Skip(nTest).Take(nValidation));
            train.AddRange(shuffled.Skip(nTest + nValidation));
        }

        var result = new SplitIndices(Sorted(train), Sorted(validation), Sorted(test));
        CheckNotEmpty(result, request, frame.RowCount, datasetLabel);
        return result;
    }

    private static void CheckFractions(SplitRequest r)
    {
        foreach (var (name, value) in new[] { ("train", r.Train), ("validation", r.Validation), ("test", r.Test) })
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                throw RaciflowException.Invalid(F($"The {name} fraction is {value}; fractions lie between 0 and 1."), name);
            }
        }

        var sum = r.Train + r.Validation + r.Test;
        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw RaciflowException.Invalid(F($"The split fractions train {r.Train} + validation {r.Validation} + test {r.Test} sum to {sum:0.######}, not 1."), "fractions");
        }

        if (r.Train <= 0 || r.Test <= 0)
        {
            throw RaciflowException.Invalid(F($"The train and test fractions must be above 0 (train {r.Train}, test {r.Test}); only validation may be 0."), r.Train <= 0 ? "train" : "test");
        }
    }

    /// <summary>Row indices grouped by stratum, strata ordered by value; a single stratum when not stratifying.</summary>
    private static List<(string? Value, List<int> Rows)> Strata(Frame frame, SplitRequest request, string datasetLabel)
    {
        if (request.Stratify is null)
        {
            return [(null, Enumerable.Range(0, frame.RowCount).ToList())];
        }

        var column = frame.Contains(request.Stratify)
            ? frame[request.Stratify]
            : throw new RaciflowException(ErrorKind.Invalid, $"Cannot stratify on '{request.Stratify}': it is not a column of {datasetLabel}; columns are: {string.Join(", ", frame.Columns.Select(c => c.Name))}.") { Location = request.Stratify };
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var row = 0; row < frame.RowCount; row++)
        {
            var key = column.Format(row) ?? MissingStratum;
            if (!groups.TryGetValue(key, out var rows))
            {
                groups[key] = rows = [];
            }

            rows.Add(row);
        }

        var parts = request.Validation > 0 ? 3 : 2;
        var tooSmall = groups.Where(g => g.Value.Count < parts).Select(g => F($"'{Display(g.Key)}' ({g.Value.Count} rows)")).ToList();
        if (tooSmall.Count > 0)
        {
            throw new RaciflowException(
                ErrorKind.Invalid,
                $"Cannot stratify {datasetLabel} on '{request.Stratify}': class {string.Join(", ", tooSmall.Take(10))}{(tooSmall.Count > 10 ? $" and {tooSmall.Count - 10} more" : string.Empty)} {(tooSmall.Count == 1 ? "has" : "have")} fewer than the {parts} rows needed to put one in each part.")
            {
                Location = request.Stratify,
            };
        }

        return groups.Select(g => ((string?)Display(g.Key), g.Value)).ToList();
    }

    /// <summary>Test and validation sizes of a stratum; when stratifying every positive part gets at least one row.</summary>
    private static (int Test, int Validation) PartSizes(int n, SplitRequest r, string? stratum, string datasetLabel)
    {
        var test = Round(n * r.Test);
        var validation = Round(n * r.Validation);
        if (stratum is not null)
        {
            test = Math.Max(test, 1);
            validation = r.Validation > 0 ? Math.Max(validation, 1) : 0;
        }

        // Rounding up two small parts can leave nothing to train on; give rows back from the larger one.
        while (n - test - validation < 1 && (test > 1 || validation > 1))
        {
            if (test >= validation)
            {
                test--;
            }
            else
            {
                validation--;
            }
        }

        if (n - test - validation < 1)
        {
            throw RaciflowException.Invalid(F($"Cannot split {datasetLabel}: {n} rows{(stratum is null ? string.Empty : $" of class '{stratum}'")} leave none for training."));
        }

        return (test, validation);
    }

    private static void CheckNotEmpty(SplitIndices s, SplitRequest r, int rows, string datasetLabel)
    {
        foreach (var (name, fraction, count) in new[] { ("train", r.Train, s.Train.Length), ("validation", r.Validation, s.Validation.Length), ("test", r.Test, s.Test.Length) })
        {
            if (fraction > 0 && count == 0)
            {
                throw RaciflowException.Invalid(F($"The {name} part of {datasetLabel} would be empty: {fraction} of {rows} rows rounds to 0; use a larger fraction or more data."), name);
            }
        }
    }

    private static int Round(double x) => (int)Math.Round(x, MidpointRounding.AwayFromZero);

    private static int[] Sorted(List<int> rows)
    {
        var array = rows.ToArray();
        Array.Sort(array);
        return array;
    }

    private static string Display(string key) => key == MissingStratum ? "(missing)" : key;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
