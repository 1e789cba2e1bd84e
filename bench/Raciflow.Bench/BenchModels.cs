using Raciflow.Data;
using Raciflow.Training;
using Raciflow.Training.Preprocessing;

namespace Raciflow.Bench;

/// <summary>Fits one model with its catalog defaults (plus overrides, e.g. 100 trees) for the benchmarks that score.</summary>
internal static class BenchModels
{
    public static ModelBundle Train(Frame frame, string target, string algorithm, IReadOnlyDictionary<string, object> overrides)
    {
        var pipeline = FeaturePipeline.Fit(frame, target);
        var features = pipeline.Transform(frame);
        var entry = AlgorithmCatalog.CreateDefault().Get(algorithm, TaskKind.Regression);
        var values = entry.SearchSpace(TaskKind.Regression).Defaults().Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var hyperparameters = new Raciflow.Training.Tuning.Hyperparameters(values);
        var model = entry.Fit(new TrainingData(features, ((NumericColumn)frame[target]).Values, TaskKind.Regression, 0), hyperparameters, seed: 1);
        return new ModelBundle { Pipeline = pipeline, Model = model, Target = target, Classes = [], Hyperparameters = hyperparameters };
    }
}
