using Raciflow.Monitoring.Drift.Statistics;
using Raciflow.Projects;

namespace Raciflow.Monitoring.Drift;

/// <summary>How <see cref="DriftAnalyzer"/> picks tests and thresholds; built from raciflow.yaml with <see cref="FromConfig"/>.</summary>
public sealed record DriftOptions
{
    /// <summary>Above this many reference rows distances replace p-values, which flag trivial shifts on large samples.</summary>
    public const int LargeReferenceRows = 1000;

    /// <summary>Numeric columns with at most this many distinct values (reference and current together) are compared as categories.</summary>
    public const int MaxCategoricalNumericValues = 5;

    public double DriftShare { get; init; } = 0.5;

    /// <summary>Reference-quantile bins for PSI and for Jensen–Shannon or chi-square on numeric columns.</summary>
    public int Bins { get; init; } = PopulationStabilityIndex.DefaultBins;

    /// <summary>Share used in place of an empty bin's zero in PSI.</summary>
    public double Epsilon { get; init; } = PopulationStabilityIndex.DefaultEpsilon;

    /// <summary>Equal-width bins of the histograms drawn in the report.</summary>
    public int HistogramBins { get; init; } = 30;

    /// <summary>Categories drawn in the report; the rest are summed as "(other)".</summary>
    public int MaxChartCategories { get; init; } = 20;

    /// <summary>A test for every column without a per-column override; null picks the default by type and size.</summary>
    public DriftTest? Test { get; init; }

    public double? Threshold { get; init; }

    public IReadOnlyDictionary<string, ColumnDriftOptions> Columns { get; init; } = new Dictionary<string, ColumnDriftOptions>();

    /// <summary>The model's output column: analysed like a feature, reported apart, not counted in the dataset verdict.</summary>
    public string? PredictionColumn { get; init; }

    /// <summary>Columns analysed at once; -1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Validates the <c>monitoring.drift</c> section, naming the file and field of any mistake.</summary>
    public static DriftOptions FromConfig(DriftConfig config, string fileLabel = "raciflow.yaml")
    {
        const string section = "monitoring.drift";
        if (!(config.DriftShare > 0 && config.DriftShare <= 1))
        {
            throw Invalid(fileLabel, $"{section}.drift_share", $"must lie in (0, 1], not {config.DriftShare}.");
        }

        if (config.Bins is < 2 or > 1000)
        {
            throw Invalid(fileLabel, $"{section}.bins", $"must be between 2 and 1000, not {config.Bins}.");
        }

        var test = config.Test is null ? (DriftTest?)null : DriftTestNames.Parse(config.Test, $"{fileLabel}: {section}.test");
        if (test is null && config.Threshold is not null)
        {
            // p-values and distances live on different scales, so one threshold cannot serve every default test.
            throw Invalid(fileLabel, $"{section}.threshold", $"needs {section}.test: p-value and distance thresholds differ; set a threshold per column to keep the default tests.");
        }

        ValidateThreshold(test, config.Threshold, fileLabel, $"{section}.threshold");
        var columns = new Dictionary<string, ColumnDriftOptions>(StringComparer.Ordinal);
        foreach (var (name, column) in config.Columns)
        {
            var field = $"{section}.columns.{name}";
            var columnTest = column.Test is null ? (DriftTest?)null : DriftTestNames.Parse(column.Test, $"{fileLabel}: {field}.test");
            ValidateThreshold(columnTest ?? test, column.Threshold, fileLabel, $"{field}.threshold");
            columns[name] = new ColumnDriftOptions(columnTest, column.Threshold);
        }

        return new DriftOptions
        {
            DriftShare = config.DriftShare,
            Bins = config.Bins,
            Test = test,
            Threshold = config.Threshold,
            Columns = columns,
            PredictionColumn = string.IsNullOrWhiteSpace(config.PredictionColumn) ? null : config.PredictionColumn,
        };
    }

    private static void ValidateThreshold(DriftTest? test, double? threshold, string fileLabel, string field)
    {
        if (threshold is not { } t)
        {
            return;
        }

        if (!(t > 0) || double.IsInfinity(t))
        {
            throw Invalid(fileLabel, field, $"must be a positive number, not {t}.");
        }

        if (test?.IsHypothesisTest() == true && t >= 1)
        {
            throw Invalid(fileLabel, field, $"is a p-value threshold for '{test.Value.Name()}' and must be below 1, not {t}.");
        }
    }

    private static RaciflowException Invalid(string fileLabel, string field, string problem) =>
        RaciflowException.Invalid($"{fileLabel}: {field} {problem}", $"{fileLabel}: {field}");
}
