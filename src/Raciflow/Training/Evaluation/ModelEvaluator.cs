namespace Raciflow.Training.Evaluation;

/// <summary>Scores a trained model on labelled feature rows.</summary>
public static class ModelEvaluator
{
    /// <summary>Predictions for every row: <c>rows × OutputWidth</c>, row-major.</summary>
    public static double[] Predict(ITrainedModel model, FeatureMatrix features)
    {
        var output = new double[features.Rows * model.OutputWidth];
        if (features.Rows > 0)
        {
            model.PredictBatch(features, output);
        }

        return output;
    }

    /// <summary>All metrics of the task, by metric name.</summary>
    public static IReadOnlyDictionary<string, double> Evaluate(ITrainedModel model, TrainingData data) =>
        Metrics(data, Predict(model, data.Features));

    public static IReadOnlyDictionary<string, double> Metrics(TrainingData data, double[] predictions) => data.Task == TaskKind.Regression
        ? RegressionMetrics.Compute(data.Labels, predictions).ToDictionary()
        : ClassificationMetrics.Compute(data.Labels.Select(l => (int)l).ToArray(), predictions, data.ClassCount).ToDictionary();

    /// <summary>One metric of the model on labelled rows.</summary>
    public static double Score(ITrainedModel model, TrainingData data, Metric metric) => Metrics(data, Predict(model, data.Features))[metric.Name];
}
