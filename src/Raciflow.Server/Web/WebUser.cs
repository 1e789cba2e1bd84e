namespace Raciflow.Server.Web;

/// <summary>Who is using the web pages: a signed-in member, the workspace actor in single-user mode, or nobody.</summary>
/// <param name="Name">The member name or the workspace actor; null when nobody is signed in.</param>
/// <param name="Roles">The member's roles (none in single-user mode).</param>
/// <param name="SingleUserMode">The workspace has no members, so everything is allowed and no sign-in is needed.</param>
public sealed record WebUser(string? Name, IReadOnlyList<string> Roles, bool SingleUserMode)
{
    public static WebUser Anonymous { get; } = new(null, [], false);

    public bool IsSignedIn => Name is not null;
}
