using Raciflow.Bench;

// One mode per capability, each in its own file; add a line here for a new mode.
return args.FirstOrDefault() switch
{
    "algorithms" => AlgorithmBench.Run(args[1..]),
    "quality" => Raciflow.Bench.Training.QualityBench.Run(args[1..]),
    "training" => Raciflow.Bench.Training.TrainingSpeedBench.Run(args[1..]),
    "training-fit" => Raciflow.Bench.Training.TrainingSpeedBench.FitOnce(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Raciflow.Bench <mode> [options]; modes: algorithms, quality, training");
    return 2;
}
