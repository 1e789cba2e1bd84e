using Raciflow.Workflows;
using Raciflow.Governance.Audit;

namespace Raciflow.Cli.Quickstart;

/// <summary>Everything the quickstart made, for the front door to show and the user to open.</summary>
public sealed record QuickstartResult(
    string Directory,
    IReadOnlyList<QuickstartStep> Steps,
    IReadOnlyDictionary<string, string> Tokens,
    string Dataset,
    string ProfileReport,
    TrainingReport Training,
    string Model,
    IReadOnlyList<AuditEvent> Audit,
    bool AuditIntact);
