namespace Raciflow.Training.Evaluation;

/// <summary>
/// Classification metrics from class probabilities. Precision, recall and F1 are averaged over the classes that
/// occur among the actual or predicted labels (as scikit-learn does), a class with no predictions scoring 0;
/// ROC-AUC is one-vs-rest, macro-averaged over classes with both positive and negative rows.
/// </summary>
public sealed record ClassificationMetrics
{
    public required double Accuracy { get; init; }

    public required double PrecisionMacro { get; init; }

    public required double RecallMacro { get; init; }

    public required double F1Macro { get; init; }

    public required double PrecisionWeighted { get; init; }

    public required double RecallWeighted { get; init; }

    public required double F1Weighted { get; init; }

    /// <summary>NaN when no class has both positive and negative rows.</summary>
    public required double RocAuc { get; init; }

    public required double LogLoss { get; init; }

    /// <summary>Counts by [actual class][predicted class].</summary>
    public required int[][] ConfusionMatrix { get; init; }

    /// <param name="actual">Class index per row.</param>
    /// <param name="probabilities">Row-major <c>rows × classCount</c> probabilities.</param>
    public static ClassificationMetrics Compute(ReadOnlySpan<int> actual, ReadOnlySpan<double> probabilities, int classCount)
    {
        var n = actual.Length;
        if (n == 0 || probabilities.Length != n * classCount)
        {
            throw new ArgumentException($"Need {n}×{classCount} probabilities for {n} rows (at least one), got {probabilities.Length}.", nameof(probabilities));
        }

        var confusion = Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();
        double logLoss = 0;
        for (var i = 0; i < n; i++)
        {
            var row = probabilities.Slice(i * classCount, classCount);
            confusion[actual[i]][ArgMax(row)]++;
            logLoss -= Math.Log(Math.Clamp(row[actual[i]], 1e-15, 1));
        }

        var correct = Enumerable.Range(0, classCount).Sum(k => confusion[k][k]);
        var support = Enumerable.Range(0, classCount).Select(k => confusion[k].Sum()).ToArray();
        var predictedCount = Enumerable.Range(0, classCount).Select(k => confusion.Sum(r => r[k])).ToArray();
        var present = Enumerable.Range(0, classCount).Where(k => support[k] > 0 || predictedCount[k] > 0).ToArray();
        var precision = new double[classCount];
        var recall = new double[classCount];
        var f1 = new double[classCount];
        foreach (var k in present)
        {
            precision[k] = predictedCount[k] == 0 ? 0 : (double)confusion[k][k] / predictedCount[k];
            recall[k] = support[k] == 0 ? 0 : (double)confusion[k][k] / support[k];
            f1[k] = precision[k] + recall[k] == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
        }

        double Macro(double[] v) => present.Average(k => v[k]);
        double Weighted(double[] v) => present.Sum(k => v[k] * support[k]) / n;
        return new ClassificationMetrics
        {
            Accuracy = (double)correct / n,
            PrecisionMacro = Macro(precision),
            RecallMacro = Macro(recall),
            F1Macro = Macro(f1),
            PrecisionWeighted = Weighted(precision),
            RecallWeighted = Weighted(recall),
            F1Weighted = Weighted(f1),
            RocAuc = RocCurve.MacroAuc(actual, probabilities, classCount),
            LogLoss = logLoss / n,
            ConfusionMatrix = confusion,
        };
    }

    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["accuracy"] = Accuracy,
        ["precision_macro"] = PrecisionMacro,
        ["recall_macro"] = RecallMacro,
        ["f1_macro"] = F1Macro,
        ["precision_weighted"] = PrecisionWeighted,
        ["recall_weighted"] = RecallWeighted,
        ["f1_weighted"] = F1Weighted,
        ["roc_auc"] = RocAuc,
        ["log_loss"] = LogLoss,
    };

    /// <summary>Index of the largest value; the first on ties, so predictions are deterministic.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }
}
