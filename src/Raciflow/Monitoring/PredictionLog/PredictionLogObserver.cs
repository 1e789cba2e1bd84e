using System.Globalization;
using Raciflow.Serving;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Hands every predicted row to the prediction log without waiting: the logger's bounded queue samples or drops
/// (and counts) under overload rather than slowing requests. Rows of a multi-row request get ids
/// <c>REQUEST:ROW</c>, so feedback can name each one. What is logged of a row is what its decoder says
/// (<see cref="Serving.Inputs.ParsedInput.LoggedRows"/>), and the row keeps the front door it came through.
/// </summary>
public sealed class PredictionLogObserver(PredictionLogger logger, TimeProvider clock) : IPredictionObserver
{
    public void Predicted(PredictionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!logger.IsEnabled(outcome.Model.Name))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var inputs = outcome.Input.LoggedRows ?? outcome.Input.Rows;
        var single = inputs.Count == 1;
        for (var i = 0; i < inputs.Count; i++)
        {
            logger.TryLog(new PredictionRecord
            {
                RequestId = single ? outcome.RequestId : $"{outcome.RequestId}:{i.ToString(CultureInfo.InvariantCulture)}",
                Model = outcome.Model.Name,
                Version = outcome.Model.Version,
                Time = now,
                LatencyMs = outcome.Latency.TotalMilliseconds,
                Inputs = inputs[i],
                Output = outcome.Predictions[i],
                Source = outcome.Source,
            });
        }
    }
}
