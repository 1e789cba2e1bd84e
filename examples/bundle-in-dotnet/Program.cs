using BundleInDotnet;

// Usage: dotnet run --project examples/bundle-in-dotnet -- path/to/bundle.zip
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: BundleInDotnet BUNDLE.zip");
    return 2;
}

PenguinPredictor.Run(args[0],
[
    new() { ["island"] = "Biscoe", ["beak_length_mm"] = 45.2, ["beak_depth_mm"] = 14.8, ["flipper_length_mm"] = 212, ["body_mass_g"] = 5200, ["sex"] = "FEMALE" },
    new() { ["island"] = "Dream", ["beak_length_mm"] = 39.5, ["beak_depth_mm"] = 18.1, ["flipper_length_mm"] = 190, ["body_mass_g"] = null, ["sex"] = "MALE" },
], Console.Out);
return 0;
