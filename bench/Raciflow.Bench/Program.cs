using Raciflow.Bench;

// One mode per capability, each in its own file; add a line here for a new mode.
return args.FirstOrDefault() switch
{
    "drift" => DriftBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Raciflow.Bench <mode> [options]; modes: drift");
    return 2;
}
