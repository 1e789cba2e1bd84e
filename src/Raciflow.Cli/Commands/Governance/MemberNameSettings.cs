using System.ComponentModel;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>Settings of commands that take one member name.</summary>
public sealed class MemberNameSettings : WorkspaceSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Member name.")]
    public string Name { get; init; } = string.Empty;
}
