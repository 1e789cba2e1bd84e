namespace Raciflow.Serving;

/// <summary>
/// Told about every predicted request, whatever the front door (the prediction log is one). Called on the request's
/// thread after the answer is ready and before it is written: it must not block, do I/O or throw.
/// </summary>
public interface IPredictionObserver
{
    void Predicted(PredictionOutcome outcome);
}
