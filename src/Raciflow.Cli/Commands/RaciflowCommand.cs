using Raciflow.Cli.Commands.Governance;
using Raciflow.Cli.Rendering;
using Raciflow.Governance.Authorization;
using Raciflow.Workspaces;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>
/// Base of every command: opens the workspace, runs the command and turns a <see cref="RaciflowException"/>
/// into one clear message (or a JSON error) and its exit code, never a stack trace.
/// </summary>
public abstract class RaciflowCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : WorkspaceSettings
{
    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var output = new CliOutput(settings.Json);
        try
        {
            return await RunAsync(settings, output, cancellationToken);
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(ex, settings.Json);
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CliOutput output, CancellationToken cancellationToken);

    protected static Task<Workspace> OpenWorkspaceAsync(TSettings settings, CancellationToken cancellationToken) =>
        Workspace.OpenAsync(settings.ToOptions(), cancellationToken);

    /// <summary>
    /// Runs a state-changing piece of work as the caller: authorizes <paramref name="action"/> against the RACI matrix
    /// (403 naming who may do it), then audits the outcome, which also notifies the roles the matrix names.
    /// </summary>
    protected static Task<T> GovernAsync<T>(Workspace workspace, string action, string? target, Func<AuthorizationGrant, Task<T>> work, Func<T, string?>? describe = null, CancellationToken cancellationToken = default) =>
        GovernanceCli.Open(workspace).RunAsync(action, target, work, describe, cancellationToken);
}
