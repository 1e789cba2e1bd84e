namespace Raciflow.Registry;

/// <summary>The aliases the platform gives meaning to; any other valid alias is the team's own.</summary>
public static class ModelAliases
{
    /// <summary>What serving uses when a request names no version; moving it is gated by an approval.</summary>
    public const string Production = "production";

    public const string Staging = "staging";

    /// <summary>A retraining candidate, scored against production before promotion.</summary>
    public const string Challenger = "challenger";
}
