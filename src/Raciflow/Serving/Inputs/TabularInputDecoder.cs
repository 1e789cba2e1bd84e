using System.Text;

namespace Raciflow.Serving.Inputs;

/// <summary>
/// Rows of named values checked against a signature: a JSON object, an array of objects or <c>{"instances": …}</c>;
/// CSV with a header (<c>text/csv</c>); or a web form's fields.
/// </summary>
public sealed class TabularInputDecoder(SignatureValidator validator) : IInputDecoder
{
    public ParsedInput Decode(PredictionPayload payload, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return payload.Fields is { } fields ? PredictionInputParser.ParseFields(fields, validator, limits)
            : payload.IsCsv ? PredictionInputParser.ParseCsv(Encoding.UTF8.GetString(payload.Body.Span), validator, limits)
            : PredictionInputParser.ParseJson(payload.Body, validator, limits);
    }
}
