using Raciflow.Monitoring.PredictionLog;
using Raciflow.Registry;
using Raciflow.Tests.Governance;
using Raciflow.Tests.Monitoring.PredictionLog;
using Raciflow.Tests.Registry;

namespace Raciflow.Tests.Monitoring.Alerts;

/// <summary>A real students model in production, and its served traffic written to the prediction log.</summary>
internal static class MonitoredStudents
{
    /// <summary>Trains, registers and serves students@1 as production.</summary>
    public static async Task<ModelVersionDetails> ServeAsync(GovernanceWorkspace ws)
    {
        var report = await TrainedModels.TrainStudentsAsync(ws.Workspace, ws.Folder.Path);
        var registry = new ModelRegistry(ws.Workspace);
        await registry.RegisterAsync(report.Best.RunId, "students");
        await registry.SetAliasAsync("students", 1, ModelAliases.Production);
        return await registry.GetServedAsync(ModelRef.Parse("students"));
    }

    public static async Task LogAsync(Raciflow.Workspaces.Workspace workspace, IEnumerable<PredictionRecord> records)
    {
        await using var logger = new PredictionLogger(workspace, PredictionRecords.Fast());
        await PredictionRecords.LogAsync(logger, [.. records]);
    }
}
