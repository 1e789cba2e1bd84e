using Raciflow.Monitoring.Drift;
using Raciflow.Projects;

namespace Raciflow.Tests.Monitoring;

public sealed class DriftOptionsTests
{
    [Fact]
    public void TheDriftSectionOfRaciflowYamlBecomesOptions()
    {
        const string yaml = """
            project: demo
            monitoring:
              drift:
                drift_share: 0.3
                bins: 20
                prediction_column: y_pred
                columns:
                  temp_max: { test: psi, threshold: 0.2 }
                  weather: { test: jensenshannon }
            """;

        var options = DriftOptions.FromConfig(ProjectConfigLoader.Parse(yaml, "raciflow.yaml").Monitoring.Drift);

        Assert.Equal(0.3, options.DriftShare);
        Assert.Equal(20, options.Bins);
        Assert.Equal("y_pred", options.PredictionColumn);
        Assert.Equal(new ColumnDriftOptions(DriftTest.Psi, 0.2), options.Columns["temp_max"]);
        Assert.Equal(new ColumnDriftOptions(DriftTest.JensenShannon, null), options.Columns["weather"]);
    }

    [Fact]
    public void WithoutADriftSectionTheDefaultsApply()
    {
        var options = DriftOptions.FromConfig(ProjectConfigLoader.Parse("project: demo", "raciflow.yaml").Monitoring.Drift);
        Assert.Equal(new DriftOptions().DriftShare, options.DriftShare);
        Assert.Null(options.Test);
        Assert.Empty(options.Columns);
    }

    [Theory]
    [InlineData("columns: { x: { test: kruskal } }", "monitoring.drift.columns.x.test", "unknown drift test 'kruskal'")]
    [InlineData("test: ks\n    threshold: 5", "monitoring.drift.threshold", "must be below 1")]
    [InlineData("threshold: 0.2", "monitoring.drift.threshold", "needs monitoring.drift.test")]
    [InlineData("drift_share: 0", "monitoring.drift.drift_share", "must lie in (0, 1]")]
    [InlineData("bins: 1", "monitoring.drift.bins", "between 2 and 1000")]
    [InlineData("columns: { x: { threshold: -1 } }", "monitoring.drift.columns.x.threshold", "positive")]
    public void MistakesNameTheFileAndField(string drift, string field, string problem)
    {
        var config = ProjectConfigLoader.Parse($"monitoring:\n  drift:\n    {drift}\n", "demo/raciflow.yaml").Monitoring.Drift;

        var error = Assert.Throws<RaciflowException>(() => DriftOptions.FromConfig(config, "demo/raciflow.yaml"));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains($"demo/raciflow.yaml: {field}", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AColumnThresholdWithoutATestAppliesToTheDefaultTest()
    {
        var reference = DriftFrames.Of(DriftFrames.Numeric("x", [.. Enumerable.Range(0, 100).Select(i => (double)i)]));
        var current = DriftFrames.Of(DriftFrames.Numeric("x", [.. Enumerable.Range(0, 100).Select(i => i + 20.0)]));
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["x"] = new(Threshold: 0.001) } };

        var feature = DriftAnalyzer.Analyze(reference, current, options).Features[0];

        // D = 0.2, p = 0.0314 (nₑ = 50): drift at the default 0.05, none at 0.001.
        Assert.Equal(DriftTest.KolmogorovSmirnov, feature.Test);
        Assert.Equal(0.001, feature.Threshold);
        Assert.Equal(0.2, feature.Statistic, 12);
        Assert.False(feature.Drifted);
        Assert.True(DriftAnalyzer.Analyze(reference, current).Features[0].Drifted);
    }
}
