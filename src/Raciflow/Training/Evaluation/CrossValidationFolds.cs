namespace Raciflow.Training.Evaluation;

/// <summary>
/// k-fold splits of the training rows: shuffled with a seed, and for classification stratified so every fold
/// holds each class in about its overall proportion (rows of a class are dealt round-robin across folds).
/// </summary>
public static class CrossValidationFolds
{
    public static IReadOnlyList<Fold> Create(TrainingData data, int folds, int seed)
    {
        if (folds < 2)
        {
            throw RaciflowException.Invalid($"Cross-validation needs at least 2 folds; got {folds}.", "folds");
        }

        if (data.Rows < folds * 2)
        {
            throw RaciflowException.Invalid($"{data.Rows} training rows are too few for {folds}-fold cross-validation; need at least {folds * 2}.", "folds");
        }

        var random = new Random(seed);
        var assignment = new int[data.Rows];
        if (data.Task == TaskKind.Regression)
        {
            var order = Enumerable.Range(0, data.Rows).ToArray();
            random.Shuffle(order);
            for (var i = 0; i < order.Length; i++)
            {
                assignment[order[i]] = i % folds;
            }
        }
        else
        {
            // Deal each class's rows in turn, continuing the round-robin across classes so fold sizes stay balanced.
            var next = 0;
            foreach (var group in Enumerable.Range(0, data.Rows).GroupBy(r => (int)data.Labels[r]).OrderBy(g => g.Key))
            {
                var rows = group.ToArray();
                random.Shuffle(rows);
                foreach (var r in rows)
                {
                    assignment[r] = next++ % folds;
                }
            }
        }

        return Enumerable.Range(0, folds)
            .Select(f => new Fold(
                Enumerable.Range(0, data.Rows).Where(r => assignment[r] != f).ToArray(),
                Enumerable.Range(0, data.Rows).Where(r => assignment[r] == f).ToArray()))
            .ToList();
    }
}
