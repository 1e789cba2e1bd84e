namespace Raciflow.Governance.Members;

/// <summary>What a caller presents: an API token, or none. ToString never reveals the token.</summary>
public sealed record Credentials(string? Token)
{
    public static Credentials None { get; } = new((string?)null);

    public bool IsPresent => !string.IsNullOrEmpty(Token);

    public override string ToString() => IsPresent ? "Credentials { Token = *** }" : "Credentials { none }";
}
