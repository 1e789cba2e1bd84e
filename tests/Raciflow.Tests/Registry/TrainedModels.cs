using Raciflow.Data;
using Raciflow.Cli.Examples;
using Raciflow.Workflows;
using Raciflow.Cli.Quickstart;
using Raciflow.Training;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Registry;

/// <summary>Trains small real models on generated student data, for registry, serving and monitoring tests.</summary>
public static class TrainedModels
{
    public static async Task<TrainingReport> TrainStudentsAsync(Workspace workspace, string folder, string[]? algorithms = null, int rows = 240, int seed = 3)
    {
        var csv = Path.Combine(folder, $"students-{seed}.csv");
        await File.WriteAllTextAsync(csv, StudentPerformanceGenerator.GenerateCsv(rows, seed));
        await new DatasetService(workspace).AddAsync(csv, "students", null);
        return await new TrainingWorkflow(workspace).RunAsync(new TrainOptions
        {
            Data = "students",
            Target = "math_score",
            Task = TaskKind.Regression,
            Algorithms = algorithms ?? ["linear"],
            Trials = 1,
            Folds = 2,
        });
    }
}
