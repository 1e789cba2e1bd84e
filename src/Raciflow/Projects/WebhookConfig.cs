namespace Raciflow.Projects;

/// <summary>A webhook that receives notifications for a member or for everyone holding a role.</summary>
public sealed class WebhookConfig
{
    public string Url { get; set; } = string.Empty;

    /// <summary>Deliver the notifications addressed to this member…</summary>
    public string? Member { get; set; }

    /// <summary>…or to this role.</summary>
    public string? Role { get; set; }

    /// <summary>Name of the environment variable holding the HMAC secret (preferred: keeps it out of the file).</summary>
    public string? SecretEnv { get; set; }

    /// <summary>The HMAC secret itself, when it is not taken from the environment.</summary>
    public string? Secret { get; set; }
}
