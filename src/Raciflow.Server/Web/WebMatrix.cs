using Raciflow.Governance.Raci;

namespace Raciflow.Server.Web;

/// <summary>
/// What the matrix lets the page's user do, so pages only offer what would succeed (an approve button only for the
/// task's Accountable). Only a courtesy: the POST handlers go through the governance core, which decides.
/// </summary>
public static class WebMatrix
{
    public static bool Holds(WebRequest web, string task, RaciAssignment flags)
    {
        ArgumentNullException.ThrowIfNull(web);
        if (web.User.SingleUserMode)
        {
            return true;
        }

        if (!web.User.IsSignedIn || web.Workspace.Project is not { } project)
        {
            return false;
        }

        var matrix = RaciMatrix.Parse(project.Raci, web.Workspace.ProjectFile, out _);
        return web.User.Roles.Any(r => (matrix.Get(task, r) & flags) != 0);
    }
}
