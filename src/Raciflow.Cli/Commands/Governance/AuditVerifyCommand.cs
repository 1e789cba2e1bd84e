using Raciflow.Cli.Rendering;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Governance;

/// <summary><c>raciflow audit verify</c>: exit 0 when the chain is intact, 3 (unprocessable) naming the first wrong sequence number.</summary>
[NotGoverned("reads the audit log")]
public sealed class AuditVerifyCommand : RaciflowCommand<WorkspaceSettings>
{
    protected override async Task<int> RunAsync(WorkspaceSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        using var workspace = await OpenWorkspaceAsync(settings, cancellationToken);
        var result = await AuditLog.VerifyAsync(workspace.Metadata, cancellationToken);
        output.Write(result, () => result.IsIntact
            ? GovernanceCli.Line($"[green]Audit log intact[/]: {result.Events} event(s), hash chain verified.")
            : GovernanceCli.Line($"[red]Audit log tampered at sequence {result.BrokenAt}[/]: {Markup.Escape(result.Problem!)}"));
        return result.IsIntact ? 0 : ErrorKind.Unprocessable.ExitCode();
    }
}
