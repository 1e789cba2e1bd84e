using BenchmarkDotNet.Running;
using Raciflow.Bench;

// Modes: generate FILE MB | hash FILE | ingest FILE | micro (BenchmarkDotNet, value parsing)
return args switch
{
    ["generate", var file, var mb] => MixedCsvGenerator.Run(file, long.Parse(mb, System.Globalization.CultureInfo.InvariantCulture)),
    ["hash", var file] => await HashBenchmark.RunAsync(file),
    ["ingest", var file] => await IngestBenchmark.RunAsync(file),
    ["passes", var file] => await PassesBenchmark.RunAsync(file),
    ["micro", .. var rest] => Micro(rest),
    _ => Usage(),
};

static int Micro(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(ParsingBenchmarks).Assembly).Run(rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Raciflow.Bench generate FILE MB | hash FILE | ingest FILE | micro [BenchmarkDotNet args]");
    return 2;
}
