using System.Globalization;
using Raciflow.Data;
using Raciflow.Monitoring.Drift.Statistics;

namespace Raciflow.Monitoring.Drift;

/// <summary>
/// Drift of a numeric column. Each side is sorted once; KS, Wasserstein, the quantile bins of PSI, the distinct-value
/// count and the chart's histogram all read the sorted samples by merging or binary search.
/// </summary>
internal static class NumericColumnDrift
{
    public static FeatureDrift Analyze(NumericColumn reference, NumericColumn current, DriftOptions options, bool isPrediction)
    {
        var r = SortedValues(reference, "reference");
        var c = SortedValues(current, "current");
        var configured = TestSelection.Configured(reference.Name, options);
        if (r.Length == 0 || c.Length == 0)
        {
            var fallback = configured ?? DriftTest.Psi;
            return ColumnDrift.Untestable(reference, current, FeatureKind.Numeric, fallback, TestSelection.Threshold(reference.Name, fallback, options), r.Length, c.Length, isPrediction);
        }

        var distinct = SortedSample.CountDistinctUnion(r, c, DriftOptions.MaxCategoricalNumericValues);
        var test = configured ?? TestSelection.Default(FeatureKind.Numeric, r.Length, distinct);
        TestSelection.Check(reference.Name, FeatureKind.Numeric, test, distinct);
        var threshold = TestSelection.Threshold(reference.Name, test, options);

        var lowCardinality = distinct <= DriftOptions.MaxCategoricalNumericValues;
        string Label(double v) => Format(reference.Type, v);
        var table = lowCardinality
            ? CategoryTable.FromDistinctValues(r, c, Label)
            : null;
        CategoryTable Binned() => table ??= CategoryTable.FromQuantileBins(r, c, options.Bins, Label);

        var psi = lowCardinality
            ? PopulationStabilityIndex.FromCounts(table!.Reference, table.Current, options.Epsilon)
            : PopulationStabilityIndex.Numeric(r, c, options.Bins, options.Epsilon);
        var figures = test switch
        {
            DriftTest.KolmogorovSmirnov => KolmogorovSmirnovTest.Test(r, c),
            DriftTest.Wasserstein => ColumnDrift.Distance(WassersteinDistance.Normalized(r, c)),
            DriftTest.Psi => ColumnDrift.Distance(psi),
            DriftTest.ChiSquare => ChiSquareTest.Test(Binned().Reference, Binned().Current),
            DriftTest.JensenShannon => ColumnDrift.Distance(JensenShannonDistance.Compute(Binned().ReferenceShares(), Binned().CurrentShares())),
            DriftTest.ZTest => ZTest(r, c),
            _ => throw new ArgumentOutOfRangeException(nameof(options), test, null),
        };

        var distribution = lowCardinality ? table!.ToSummary(options.MaxChartCategories) : Histogram(r, c, options.HistogramBins, reference.Type == ColumnType.Integer && IsWhole(r) && IsWhole(c), Label);
        return ColumnDrift.Verdict(reference, current, FeatureKind.Numeric, test, threshold, figures, psi, r.Length, c.Length, distribution, isPrediction);
    }

    /// <summary>The non-missing values, ascending. Infinite values are refused: no distance or bin can hold them.</summary>
    private static double[] SortedValues(NumericColumn column, string side)
    {
        var values = column.Values;
        var present = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v))
            {
                if (double.IsInfinity(v))
                {
                    throw RaciflowException.Invalid($"Column '{column.Name}' of the {side} data holds an infinite value at row {i + 1}; drift needs finite numbers.", column.Name);
                }

                continue;
            }

            present++;
        }

        var sorted = new double[present];
        if (present == values.Length)
        {
            values.CopyTo(sorted, 0);
        }
        else
        {
            var k = 0;
            foreach (var v in values)
            {
                if (!double.IsNaN(v))
                {
                    sorted[k++] = v;
                }
            }
        }

        DoubleRadixSort.Sort(sorted);
        return sorted;
    }

    /// <summary>The z-test on a column of at most two values; the smaller value counts as the "hit", as in Evidently.</summary>
    private static TestResult ZTest(double[] r, double[] c)
    {
        var first = Math.Min(r[0], c[0]);
        return TwoProportionZTest.Test(SortedSample.CountAtMost(r, first), r.Length, SortedSample.CountAtMost(c, first), c.Length);
    }

    /// <summary>Equal-width bins over the joint range, for drawing only.</summary>
    private static DistributionSummary Histogram(double[] r, double[] c, int bins, bool integers, Func<double, string> label)
    {
        double min = Math.Min(r[0], c[0]), max = Math.Max(r[^1], c[^1]);
        var edges = new double[bins + 1];
        if (integers)
        {
            // Whole-number widths centred on integers, so no bin holds one more value than its neighbours.
            var width = Math.Ceiling((max - min + 1) / bins);
            bins = (int)Math.Ceiling((max - min + 1) / width);
            edges = new double[bins + 1];
            for (var k = 0; k <= bins; k++)
            {
                edges[k] = min - 0.5 + (k * width);
            }
        }
        else
        {
            for (var k = 0; k <= bins; k++)
            {
                edges[k] = k == bins ? max : min + ((max - min) * k / bins);
            }
        }

        var labels = new string[bins];
        for (var k = 0; k < bins; k++)
        {
            labels[k] = $"{label(edges[k])}–{label(edges[k + 1])}";
        }

        return new DistributionSummary(DistributionKind.Histogram, labels, edges, HistogramShares(r, edges), HistogramShares(c, edges));
    }

    private static double[] HistogramShares(double[] sorted, double[] edges)
    {
        var shares = new double[edges.Length - 1];
        var below = 0;
        for (var k = 1; k < edges.Length; k++)
        {
            var atMost = k == edges.Length - 1 ? sorted.Length : SortedSample.CountAtMost(sorted, edges[k]);
            shares[k - 1] = (double)(atMost - below) / sorted.Length;
            below = atMost;
        }

        return shares;
    }

    private static bool IsWhole(double[] sorted) => Math.Floor(sorted[0]) == sorted[0] && Math.Floor(sorted[^1]) == sorted[^1];

    private static string Format(ColumnType type, double value) =>
        type == ColumnType.Boolean ? (value != 0 ? "true" : "false") : value.ToString("G4", CultureInfo.InvariantCulture);
}
