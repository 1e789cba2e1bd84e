using BenchmarkDotNet.Attributes;
using Raciflow.Data.Ingestion;

namespace Raciflow.Bench;

/// <summary>Per-value cost of the parsers inference and conversion run on every cell.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    [Benchmark]
    public bool Double() => ValueParsers.TryParseDouble("12345.678", out _);

    [Benchmark]
    public bool Integer() => ValueParsers.TryParseInteger("123456", out _);

    [Benchmark]
    public bool IsoDate() => ValueParsers.TryParseDateTime("2024-02-29", out _);

    [Benchmark]
    public bool DateTimeWithTime() => ValueParsers.TryParseDateTime("2024-02-29 13:45:10", out _);

    [Benchmark]
    public bool Missing() => MissingValues.IsMissing("NA");
}
