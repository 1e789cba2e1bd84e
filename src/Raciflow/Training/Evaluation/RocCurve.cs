namespace Raciflow.Training.Evaluation;

/// <summary>ROC curve points (false-positive rate, true-positive rate) and the area under it, for one class against the rest.</summary>
public sealed record RocCurve(string PositiveClass, IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate)> Points, double Auc)
{
    /// <summary>The curve of <paramref name="scores"/> for rows where <paramref name="positive"/> is true; tied scores form one step.</summary>
    public static RocCurve Compute(string positiveClass, ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys.Select(k => -k).ToArray(), order);
        var p = 0;
        var n = 0;
        foreach (var isPositive in positive)
        {
            if (isPositive)
            {
                p++;
            }
            else
            {
                n++;
            }
        }

        var points = new List<(double, double)> { (0, 0) };
        double tp = 0, fp = 0, auc = 0;
        for (var i = 0; i < order.Length;)
        {
            var score = keys[order[i]];
            double stepTp = 0, stepFp = 0;
            for (; i < order.Length && keys[order[i]] == score; i++)
            {
                if (positive[order[i]])
                {
                    stepTp++;
                }
                else
                {
                    stepFp++;
                }
            }

            // Trapezoid over a tied block counts each positive-negative tie as one half, as the Mann-Whitney U does.
            auc += stepFp * (tp + (stepTp / 2));
            tp += stepTp;
            fp += stepFp;
            points.Add((n == 0 ? 0 : fp / n, p == 0 ? 0 : tp / p));
        }

        return new RocCurve(positiveClass, points, p == 0 || n == 0 ? double.NaN : auc / ((double)p * n));
    }

    /// <summary>One curve per class (for binary, only the positive class 1).</summary>
    public static IReadOnlyList<RocCurve> PerClass(ReadOnlySpan<int> actual, ReadOnlySpan<double> probabilities, IReadOnlyList<string> classes)
    {
        var k = classes.Count;
        var curves = new List<RocCurve>();
        for (var c = k == 2 ? 1 : 0; c < k; c++)
        {
            var scores = new double[actual.Length];
            var positive = new bool[actual.Length];
            for (var i = 0; i < actual.Length; i++)
            {
                scores[i] = probabilities[(i * k) + c];
                positive[i] = actual[i] == c;
            }

            curves.Add(Compute(classes[c], scores, positive));
        }

        return curves;
    }

    /// <summary>Binary: the AUC of class 1. Multiclass: macro average of one-vs-rest AUCs over classes that have both positives and negatives.</summary>
    public static double MacroAuc(ReadOnlySpan<int> actual, ReadOnlySpan<double> probabilities, int classCount)
    {
        var names = Enumerable.Range(0, classCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var aucs = PerClass(actual, probabilities, names).Select(c => c.Auc).Where(a => !double.IsNaN(a)).ToArray();
        return aucs.Length == 0 ? double.NaN : aucs.Average();
    }
}
