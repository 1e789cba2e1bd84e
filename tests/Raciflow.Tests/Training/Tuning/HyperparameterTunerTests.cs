using Raciflow.Training;
using Raciflow.Training.Algorithms;
using Raciflow.Training.Evaluation;
using Raciflow.Training.Tuning;

namespace Raciflow.Tests.Training.Tuning;

public sealed class HyperparameterTunerTests
{
    private static readonly Hyperparameters Quick = new(new Dictionary<string, object> { ["iterations"] = 20.0 });

    private static async Task<TuningResult> TuneAsync(SearchStrategy strategy, int parallelism, int seed = 5, int trials = 10)
    {
        var data = SyntheticData.Regression(150);
        var folds = CrossValidationFolds.Create(data, 3, seed);
        var options = new TuningOptions { Strategy = strategy, Trials = trials, Seed = seed, MaxParallelism = parallelism, StartupTrials = 4 };
        return await new HyperparameterTuner(TimeProvider.System).TuneAsync(new LightGbmAlgorithm(), data, folds, Metric.Get("r2", TaskKind.Regression), options, Quick);
    }

    [Theory]
    [InlineData(SearchStrategy.Random)]
    [InlineData(SearchStrategy.Tpe)]
    public async Task TheSameSeedGivesTheSameTrialsWhateverTheParallelism(SearchStrategy strategy)
    {
        var serial = await TuneAsync(strategy, parallelism: 1);
        var parallel = await TuneAsync(strategy, parallelism: 4);
        Assert.Equal(10, serial.Trials.Count);
        Assert.Equal(serial.Trials.Select(t => t.Hyperparameters.ToString()), parallel.Trials.Select(t => t.Hyperparameters.ToString()));
        Assert.Equal(serial.Trials.Select(t => t.FoldScores.ToArray()), parallel.Trials.Select(t => t.FoldScores.ToArray()));
        Assert.Equal(serial.Trials.Select(t => t.Pruned), parallel.Trials.Select(t => t.Pruned));
        Assert.Equal(serial.Best.Number, parallel.Best.Number);
    }

    [Fact]
    public async Task TheFirstTrialIsTheDefaultsAndFixedValuesAreKept()
    {
        var result = await TuneAsync(SearchStrategy.Random, 2, trials: 6);
        var defaults = new LightGbmAlgorithm().SearchSpace(TaskKind.Regression).Defaults().Values;
        Assert.Equal(defaults["leaves"], result.Trials[0].Hyperparameters.Values["leaves"]);
        Assert.All(result.Trials, t => Assert.Equal(20.0, t.Hyperparameters.Values["iterations"]));
        Assert.Equal(6, result.Trials.Select(t => t.Hyperparameters.ToString()).Distinct().Count());
    }

    [Fact]
    public async Task DifferentSeedsProposeDifferentTrials()
    {
        var a = await TuneAsync(SearchStrategy.Random, 2, seed: 1, trials: 3);
        var b = await TuneAsync(SearchStrategy.Random, 2, seed: 2, trials: 3);
        Assert.NotEqual(a.Trials[1].Hyperparameters.ToString(), b.Trials[1].Hyperparameters.ToString());
    }

    [Fact]
    public async Task TrialsWorseThanTheMedianOnTheFirstFoldStopEarlyAndAreNeverBest()
    {
        var result = await TuneAsync(SearchStrategy.Random, 2, trials: 16);
        Assert.Contains(result.Trials, t => t.Pruned);
        Assert.All(result.Trials.Where(t => t.Pruned), t => Assert.Single(t.FoldScores));
        Assert.All(result.Trials.Take(4), t => Assert.False(t.Pruned));
        Assert.False(result.Best.Pruned);
        Assert.Equal(result.Trials.Where(t => !t.Pruned).Max(t => t.Score), result.Best.Score);
    }

    [Fact]
    public void TpeFavoursTheRegionOfTheGoodTrials()
    {
        // Good trials near 0.2, bad ones spread near 0.8: proposals should fall mostly below 0.5.
        var sampler = new TpeSampler();
        var p = Hyperparameter.Real("x", 0, 1, 0.5);
        var random = new Random(1);
        var draws = Enumerable.Range(0, 200).Select(_ => sampler.Sample(p, [0.18, 0.2, 0.22], [0.7, 0.75, 0.8, 0.85, 0.9, 0.6], random)).ToArray();
        Assert.True(draws.Count(d => d < 0.5) > 180, $"{draws.Count(d => d < 0.5)} of 200 below 0.5");
    }

    [Fact]
    public void LogScaledRangesMapThroughTheUnitInterval()
    {
        var p = Hyperparameter.Real("lr", 0.01, 1, 0.1, log: true);
        Assert.Equal(0.1, (double)UnitSpace.FromUnit(p, 0.5), 12);
        Assert.Equal(0.5, UnitSpace.ToUnit(p, 0.1), 12);
        Assert.Equal(4.0, (double)UnitSpace.FromUnit(Hyperparameter.Int("n", 1, 7, 4), 0.5));
    }
}
