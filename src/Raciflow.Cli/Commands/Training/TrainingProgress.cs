using System.Globalization;
using Raciflow.Training;
using Raciflow.Training.Tuning;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Training;

/// <summary>Shows one progress bar per algorithm: trials done, and the best cross-validated score so far.</summary>
internal sealed class TrainingProgress(ProgressContext context, int trials, string metric) : ITrainingObserver
{
    private readonly Dictionary<string, (ProgressTask Task, double Best)> _bars = new(StringComparer.Ordinal);

    public void AlgorithmStarted(string algorithm, TaskKind task)
    {
        var bar = context.AddTask(Markup.Escape(algorithm), maxValue: Math.Max(1, trials));
        _bars[algorithm] = (bar, double.NaN);
    }

    public void TrialFinished(string algorithm, TrialResult trial)
    {
        if (!_bars.TryGetValue(algorithm, out var entry))
        {
            return;
        }

        var best = double.IsNaN(entry.Best) || trial.Score > entry.Best ? trial.Score : entry.Best;
        _bars[algorithm] = (entry.Task, best);
        entry.Task.Increment(1);
        entry.Task.Description = $"{Markup.Escape(algorithm)} [grey]trial {trial.Number} · best cv {metric} {best.ToString("0.0000", CultureInfo.InvariantCulture)}[/]";
    }

    public void AlgorithmFinished(AlgorithmResult result)
    {
        if (_bars.TryGetValue(result.Algorithm, out var entry))
        {
            entry.Task.Value = entry.Task.MaxValue;
            entry.Task.Description = $"{Markup.Escape(result.Algorithm)} [green]done[/] [grey]cv {metric} {result.CvScore.ToString("0.0000", CultureInfo.InvariantCulture)}[/]";
        }
    }
}
