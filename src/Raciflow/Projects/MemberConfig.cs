namespace Raciflow.Projects;

/// <summary>A person named in the project and the roles they hold.</summary>
public sealed class MemberConfig
{
    public string Name { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    public string? Email { get; set; }
}
