namespace Raciflow.Governance.Raci;

/// <summary>The catalog of lifecycle tasks, in lifecycle order. Every user action belongs to exactly one of them.</summary>
public static class LifecycleTasks
{
    public const string ProblemDefinition = "problem-definition";
    public const string Eda = "eda";
    public const string DataPipeline = "data-pipeline";
    public const string FeatureEngineering = "feature-engineering";
    public const string Experiment = "experiment";
    public const string TrainingEvaluation = "training-evaluation";
    public const string PackagingDeployment = "packaging-deployment";
    public const string MonitoringMaintenance = "monitoring-maintenance";
    public const string Retraining = "retraining";

    public static IReadOnlyList<LifecycleTask> All { get; } =
    [
        new(ProblemDefinition, "Problem definition"),
        new(Eda, "Exploratory data analysis"),
        new(DataPipeline, "Data pipeline"),
        new(FeatureEngineering, "Feature engineering"),
        new(Experiment, "Experiment"),
        new(TrainingEvaluation, "Training and evaluation"),
        new(PackagingDeployment, "Packaging and deployment"),
        new(MonitoringMaintenance, "Monitoring and maintenance"),
        new(Retraining, "Retraining"),
    ];

    public static bool IsKnown(string name) => All.Any(t => t.Name == name);

    public static string Known => string.Join(", ", All.Select(t => t.Name));
}
