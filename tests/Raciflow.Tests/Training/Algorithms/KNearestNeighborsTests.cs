using Raciflow.Training;
using Raciflow.Training.Algorithms;

namespace Raciflow.Tests.Training.Algorithms;

public sealed class KNearestNeighborsTests
{
    private readonly KNearestNeighborsAlgorithm _knn = new();

    [Theory]
    [InlineData("uniform", "euclidean", 5)]
    [InlineData("distance", "euclidean", 3)]
    [InlineData("uniform", "manhattan", 7)]
    [InlineData("distance", "manhattan", 1)]
    public void RegressionEqualsIndependentlyComputedNeighbours(string weights, string metric, int k)
    {
        var train = TestData.Synthetic(TaskKind.Regression, 80, seed: 31);
        var test = TestData.Synthetic(TaskKind.Regression, 30, seed: 32);

        var model = Fit(train, k, weights, metric);

        var predicted = TestData.PredictBatch(model, test.Features);
        for (var q = 0; q < test.Rows; q++)
        {
            var neighbours = BruteForce(train, test.Features.Row(q).ToArray(), k, metric);
            var w = neighbours.Select(n => weights == "uniform" ? 1 : 1 / n.Distance).ToArray();
            var expected = neighbours.Select((n, j) => w[j] * train.Labels[n.Index]).Sum() / w.Sum();
            Assert.Equal(expected, predicted[q], 1e-9);
        }
    }

    [Theory]
    [InlineData("uniform", "euclidean", 5)]
    [InlineData("distance", "manhattan", 4)]
    public void ClassificationEqualsIndependentlyComputedVoteShares(string weights, string metric, int k)
    {
        var train = TestData.Synthetic(TaskKind.Multiclass, 90, seed: 33);
        var test = TestData.Synthetic(TaskKind.Multiclass, 30, seed: 34);

        var model = Fit(train, k, weights, metric);

        var predicted = TestData.PredictBatch(model, test.Features);
        for (var q = 0; q < test.Rows; q++)
        {
            var neighbours = BruteForce(train, test.Features.Row(q).ToArray(), k, metric);
            var votes = new double[3];
            foreach (var n in neighbours)
            {
                votes[(int)train.Labels[n.Index]] += weights == "uniform" ? 1 : 1 / n.Distance;
            }

            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(votes[c] / votes.Sum(), predicted[(q * 3) + c], 1e-9);
            }
        }
    }

    [Fact]
    public void EqualDistancesGoToTheEarlierTrainingRow()
    {
        // Rows 0 and 2 (labels 10 and 30) both lie at distance 1 from the query 0; with k = 2 the nearest are rows 1 and 0.
        var data = TestData.Regression(TestData.Column(1, 0, -1, 5), [10, 20, 30, 40]);

        var model = Fit(data, k: 2, "uniform", "euclidean");

        Assert.Equal(15.0, TestData.Predict(model, 0)[0]);
    }

    [Fact]
    public void AnExactMatchTakesAllTheWeightWhenWeightingByDistance()
    {
        var data = TestData.Regression(TestData.Column(0, 1, 2), [5, 100, 200]);

        var model = Fit(data, k: 3, "distance", "euclidean");

        Assert.Equal(5.0, TestData.Predict(model, 0)[0]);
        Assert.Equal(((100 / 0.5) + (200 / 0.5) + (5 / 1.5)) / ((2 / 0.5) + (1 / 1.5)), TestData.Predict(model, 1.5)[0], 1e-12);
    }

    [Fact]
    public void MoreNeighboursThanRowsUsesEveryRow()
    {
        var data = TestData.Classification(TestData.Column(0, 1, 2), [0, 1, 1], 2);

        var model = (KNearestNeighborsModel)Fit(data, k: 10, "uniform", "euclidean");

        Assert.Equal(3, model.Neighbors);
        Assert.Equal([1.0 / 3, 2.0 / 3], TestData.Predict(model, 0));
    }

    [Fact]
    public void ClassifiesPenguinSpecies()
    {
        var (train, test) = PenguinData.Split();

        var model = _knn.Fit(train, TestData.Defaults(_knn, TaskKind.Multiclass), 0);

        Assert.True(TestData.Accuracy(model, test) > 0.95);
    }

    [Fact]
    public void LearnsASyntheticRegression()
    {
        var model = _knn.Fit(TestData.Synthetic(TaskKind.Regression, 300, seed: 4), TestData.Defaults(_knn, TaskKind.Regression), 0);

        Assert.True(TestData.RSquared(model, TestData.Synthetic(TaskKind.Regression, 100, seed: 5)) > 0.8);
    }

    private ITrainedModel Fit(TrainingData data, int k, string weights, string metric) =>
        _knn.Fit(data, TestData.With(_knn, data.Task, ("n_neighbors", k), ("weights", weights), ("metric", metric)), 0);

    private static List<(int Index, double Distance)> BruteForce(TrainingData train, double[] query, int k, string metric)
    {
        var all = new List<(int Index, double Distance)>();
        for (var i = 0; i < train.Rows; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < query.Length; j++)
            {
                var d = train.Features[i, j] - query[j];
                sum += metric == "euclidean" ? d * d : Math.Abs(d);
            }

            all.Add((i, metric == "euclidean" ? Math.Sqrt(sum) : sum));
        }

        return all.OrderBy(n => n.Distance).ThenBy(n => n.Index).Take(k).ToList();
    }
}
