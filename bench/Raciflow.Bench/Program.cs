using BenchmarkDotNet.Running;
using Raciflow.Bench;

// One mode per capability, each in its own file; add a line here for a new mode.
return args switch
{
    ["generate", var file, var mb] => MixedCsvGenerator.Run(file, long.Parse(mb, System.Globalization.CultureInfo.InvariantCulture)),
    ["hash", var file] => await HashBenchmark.RunAsync(file),
    ["ingest", var file] => await IngestBenchmark.RunAsync(file),
    ["passes", var file] => await PassesBenchmark.RunAsync(file),
    ["micro", .. var rest] => Micro(rest),
    ["tracking", .. var rest] => await Raciflow.Bench.Tracking.TrackingBenchmark.RunAsync(rest),
    ["algorithms", .. var rest] => AlgorithmBench.Run(rest),
    ["quality", .. var rest] => Raciflow.Bench.Training.QualityBench.Run(rest),
    ["training", .. var rest] => Raciflow.Bench.Training.TrainingSpeedBench.Run(rest),
    ["training-fit", .. var rest] => Raciflow.Bench.Training.TrainingSpeedBench.FitOnce(rest),
    ["drift", .. var rest] => DriftBench.Run(rest),
    ["batch", .. var rest] => await BatchBench.RunAsync(rest),
    ["predlog", .. var rest] => await PredictionLogBench.RunAsync(rest),
    ["serve-setup", .. var rest] => await Raciflow.Bench.Serving.ServeLoadSetup.RunAsync(rest),
    ["ceiling", var port] => await Raciflow.Bench.Serving.CeilingServer.RunAsync(port),
    _ => Usage(),
};

static int Micro(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(ParsingBenchmarks).Assembly).Run(rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/Raciflow.Bench -- MODE [options]
        modes:
          generate FILE MB    write a mixed-type CSV of about MB megabytes
          hash FILE           SHA-256 throughput (compare with sha256sum)
          ingest FILE         full ingest: MB/s (run under /usr/bin/time -v for peak memory)
          passes FILE         time of each ingest pass
          micro [args]        BenchmarkDotNet micro-benchmarks (value parsing)
          tracking [args]     tracking: log-batch latency, metric points/s, HTTP log-metric p50/p99
          algorithms [args]   hand-written algorithms: fit and prediction times, held-out quality
          quality [args]      leaderboard quality on the shared data sets beside scikit-learn's figures
          training [args]     full catalog on the example; throughput on 1,000,000 x 20
          drift [args]        drift over 1,000,000 rows x 20 features
          batch [args]        batch scoring rows/s (linear, 100-tree forest) from a 1,000,000-row CSV
          predlog [args]      prediction log: TryLog ns and bytes per call, writer records/s
          serve-setup DIR     workspace for bench/serve-load.sh (public linear and 100-tree forest); load and swap times
          ceiling PORT        minimal ASP.NET endpoint parsing the same JSON (the ceiling for bench/serve-load.sh)
        """);
    return 2;
}
