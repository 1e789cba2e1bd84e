using Raciflow.Bench.Tracking;

// Each capability adds one dispatch line; its benchmark lives in its own folder.
return args.FirstOrDefault() switch
{
    "tracking" => await TrackingBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Raciflow.Bench -- MODE [options]\nmodes: tracking");
    return 2;
}
