using System.ComponentModel;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Registry;

/// <summary>Settings of commands that take one MODEL[@VERSION|@ALIAS] argument.</summary>
public class ModelArgumentSettings : WorkspaceSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("MODEL, MODEL@VERSION or MODEL@ALIAS.")]
    public string Model { get; init; } = string.Empty;
}
