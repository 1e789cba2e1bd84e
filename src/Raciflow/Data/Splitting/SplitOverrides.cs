namespace Raciflow.Data.Splitting;

/// <summary>What a user asked for on the command line (or API); anything null falls back to raciflow.yaml.</summary>
public sealed record SplitOverrides(double? Train = null, double? Validation = null, double? Test = null, int? Seed = null, string? Stratify = null, bool NoStratify = false);
