namespace Raciflow.Serving.Inputs;

/// <summary>
/// Turns a request's payload into the rows a predictor takes, or says precisely what is wrong. One per served model
/// (it may hold what it needs of the signature). Tabular models use <see cref="TabularInputDecoder"/> (JSON, CSV, form
/// fields); an image model brings a decoder of PNG/JPEG uploads into tensors. Must not throw for bad input: a payload
/// it cannot use at all is <see cref="ParsedInput.Malformed"/> (400), bad fields are <see cref="ParsedInput.Problems"/>
/// (422, each naming its field by path), and values longer than <see cref="InputLimits.MaxTextLength"/> are problems.
/// </summary>
public interface IInputDecoder
{
    ParsedInput Decode(PredictionPayload payload, InputLimits limits);
}
