namespace Raciflow.Registry;

/// <summary>The recorded split a run trained and tested on.</summary>
public sealed record LineageSplit(long Id, string Sha256, int Seed, int TrainRows, int ValidationRows, int TestRows);
