using System.ComponentModel;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>Settings of approval commands that take a request id and an optional comment.</summary>
public sealed class ApprovalIdSettings : WorkspaceSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("Approval request id.")]
    public long Id { get; init; }

    [CommandOption("-m|--comment <TEXT>")]
    [Description("Why (recorded with the decision).")]
    public string? Comment { get; init; }
}
