using Raciflow.Data;
using Raciflow.Training;
using Raciflow.Training.Preprocessing;
using Raciflow.Training.Tuning;

namespace Raciflow.Tests.Packaging;

/// <summary>Trains one algorithm with its default hyperparameters on a whole frame into a bundle, without tuning or cross-validation.</summary>
internal static class BundleFactory
{
    public static ModelBundle Train(Frame frame, string target, string algorithm, TaskKind task, IReadOnlyDictionary<string, object>? hyperparameters = null)
    {
        var pipeline = FeaturePipeline.Fit(frame, target);
        var features = pipeline.Transform(frame);
        var classes = Array.Empty<string>() as IReadOnlyList<string>;
        double[] labels;
        if (task == TaskKind.Regression)
        {
            labels = ((NumericColumn)frame[target]).Values;
        }
        else
        {
            var encoder = LabelEncoder.Fit(frame[target]);
            classes = encoder.Classes;
            labels = encoder.Encode(frame[target]).Select(i => (double)i).ToArray();
        }

        var catalog = AlgorithmCatalog.CreateDefault().Get(algorithm, task);
        var space = catalog.SearchSpace(task).Defaults();
        var chosen = hyperparameters is null ? space : new Hyperparameters(space.Values.Concat(hyperparameters).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        var model = catalog.Fit(new TrainingData(features, labels, task, classes.Count), chosen, seed: 7);
        return new ModelBundle { Pipeline = pipeline, Model = model, Target = target, Classes = classes, Hyperparameters = chosen };
    }
}
