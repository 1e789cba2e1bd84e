using System.Collections.Concurrent;
using Microsoft.ML;

namespace Raciflow.Training.Algorithms;

/// <summary>
/// A PredictionEngine is cheap per call but not thread-safe; the pool hands each caller its own, creating one only
/// when all are busy, so concurrent single-row predictions neither block nor share state.
/// </summary>
internal sealed class PredictionEnginePool<TOut>(Func<PredictionEngine<FeatureRow, TOut>> create)
    where TOut : class, new()
{
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, TOut>> _idle = [];

    public TOut Predict(FeatureRow row)
    {
        var engine = _idle.TryTake(out var e) ? e : create();
        try
        {
            return engine.Predict(row);
        }
        finally
        {
            _idle.Add(engine);
        }
    }
}
