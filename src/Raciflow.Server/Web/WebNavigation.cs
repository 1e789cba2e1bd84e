namespace Raciflow.Server.Web;

/// <summary>The header's links, in order. A capability that adds pages adds its link here.</summary>
public static class WebNavigation
{
    public static IReadOnlyList<(string Label, string Path)> Lifecycle { get; } =
    [
        ("Runs", "/runs"),
        ("Datasets", "/datasets"),
        ("Models", "/models"),
    ];

    public static IReadOnlyList<(string Label, string Path)> Governance { get; } =
    [
        ("RACI", "/raci"),
        ("My tasks", "/my-tasks"),
        ("Approvals", "/approvals"),
        ("Inbox", "/inbox"),
        ("Audit", "/audit"),
    ];
}
