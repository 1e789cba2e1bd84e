using System.Globalization;
using Raciflow.Monitoring.PredictionLog;
using Raciflow.Training;

namespace Raciflow.Server.Serving;

/// <summary>
/// Hands every answered row to the prediction log without waiting: the logger's bounded queue samples or drops
/// (and counts) under overload rather than slowing requests. Rows of a multi-row request get ids
/// <c>REQUEST:ROW</c>, so feedback can name each one.
/// </summary>
internal sealed class PredictionLogObserver(PredictionLogger logger, TimeProvider clock) : IPredictionObserver
{
    public void Predicted(PredictionEvent prediction)
    {
        if (!logger.IsEnabled(prediction.Model.Name))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var single = prediction.Inputs.Count == 1;
        for (var i = 0; i < prediction.Inputs.Count; i++)
        {
            var output = prediction.Outputs[i];
            logger.TryLog(new PredictionRecord
            {
                RequestId = single ? prediction.RequestId : $"{prediction.RequestId}:{i.ToString(CultureInfo.InvariantCulture)}",
                Model = prediction.Model.Name,
                Version = prediction.Model.Version,
                Time = now,
                LatencyMs = prediction.Latency.TotalMilliseconds,
                Inputs = prediction.Inputs[i],
                Output = new ModelPrediction(output.Value, output.Label, output.Probabilities),
            });
        }
    }
}
