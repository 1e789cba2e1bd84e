using System.ComponentModel;
using Raciflow.Cli.Rendering;
using Raciflow.Governance;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Members;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>
/// <c>raciflow login [--token TOKEN]</c>: checks the token against the workspace and saves it in the credentials file.
/// Without --token it reads the token from stdin (or asks for it, hidden), so it stays out of the shell history.
/// </summary>
[NotGoverned("writes only the caller's local credentials file")]
public sealed class LoginCommand : RaciflowCommand<LoginCommand.Settings>
{
    protected override async Task<int> RunAsync(Settings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var token = settings.Token ?? ReadToken(output);
        var member = await new GovernanceService(workspace, new Credentials(token.Trim())).Members.WhoAmIAsync(cancellationToken);
        CredentialsFile.Save(GovernanceCli.WorkspaceKey(workspace), token.Trim());
        output.Write(new { member, credentials = CredentialsFile.DefaultPath }, () =>
            GovernanceCli.Line($"[green]Logged in[/] as {Markup.Escape(member.Name)} ({Markup.Escape(string.Join(", ", member.Roles))}) for {Markup.Escape(workspace.Metadata.DisplayUri)}; token saved in {Markup.Escape(CredentialsFile.DefaultPath)}."));
        return 0;
    }

    private static string ReadToken(CliOutput output)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        return output.Console.Prompt(new TextPrompt<string>("API token:").Secret());
    }

    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--token <TOKEN>")]
        [Description("The token (default: read from stdin or a hidden prompt).")]
        public string? Token { get; init; }
    }
}
