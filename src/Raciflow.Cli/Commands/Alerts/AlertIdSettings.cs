using System.ComponentModel;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Alerts;

/// <summary>Settings of a command that acts on one alert, with an optional note.</summary>
public class AlertIdSettings : WorkspaceSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("Alert id (see 'raciflow alerts list').")]
    public long Id { get; init; }

    [CommandOption("--note <TEXT>")]
    [Description("A note kept on the alert.")]
    public string? Note { get; init; }
}
