namespace Raciflow.Server.Serving;

/// <summary>Told about every answered prediction (the prediction log); must not block or throw.</summary>
public interface IPredictionObserver
{
    void Predicted(PredictionEvent prediction);
}
