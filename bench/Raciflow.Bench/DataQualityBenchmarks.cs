using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Raciflow.Data;
using Raciflow.Data.Profiling;
using Raciflow.Data.Splitting;
using Raciflow.Data.Validation;
using Raciflow.Projects;

namespace Raciflow.Bench;

/// <summary>
/// Validation, profiling and splitting of an in-memory frame of 100,000 rows (4 numbers, 2 categories, 1 date,
/// a 5-class target). Run with <c>dotnet run -c Release --project bench/Raciflow.Bench -- micro --filter *DataQuality*</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class DataQualityBenchmarks
{
    private static readonly DateTime Noon = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly DataConfig _data = new() { Target = "label" };
    private Frame _frame = null!;
    private ProfileReport _report = null!;

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        double[] Numbers(double scale) => Enumerable.Range(0, Rows).Select(i => i % 97 == 0 ? double.NaN : random.NextDouble() * scale).ToArray();
        string?[] Labels(int classes, string prefix) => Enumerable.Range(0, Rows).Select(_ => $"{prefix}{(int)Math.Floor(Math.Pow(random.NextDouble(), 2) * classes)}").ToArray<string?>();
        _frame = new Frame(
        [
            new NumericColumn("a", ColumnType.Numeric, Numbers(1)),
            new NumericColumn("b", ColumnType.Numeric, Numbers(100)),
            new NumericColumn("c", ColumnType.Integer, Numbers(1000).Select(Math.Floor).ToArray()),
            new NumericColumn("d", ColumnType.Numeric, Numbers(1e6)),
            new StringColumn("colour", ColumnType.Categorical, Labels(8, "c")),
            new StringColumn("label", ColumnType.Categorical, Labels(5, "k")),
            new DateTimeColumn("day", Enumerable.Range(0, Rows).Select(i => (DateTime?)Noon.AddHours(i)).ToArray()),
        ]);
        _report = DatasetProfiler.Profile("bench@1", _frame, _data, Noon);
    }

    [Benchmark]
    public ValidationReport Validate() => new DatasetValidator().Validate("bench@1", _frame, [], _data);

    [Benchmark]
    public ProfileReport ProfileStatistics() => DatasetProfiler.Profile("bench@1", _frame, _data, Noon);

    [Benchmark]
    public string ProfileHtml() => ProfileHtmlWriter.Write(_report, _frame);

    [Benchmark]
    public SplitIndices StratifiedSplit() => DatasetSplitter.Split(_frame, new SplitRequest(0.7, 0.15, 0.15, 42, "label"), "bench@1");

    /// <summary>One in-process job with few iterations: each operation takes long enough that more would only cost time.</summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
    }
}
