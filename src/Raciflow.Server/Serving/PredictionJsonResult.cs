using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Raciflow.Serving.Inputs;

namespace Raciflow.Server.Serving;

/// <summary>
/// Writes a <see cref="PredictionResponse"/> straight to the response with a <see cref="Utf8JsonWriter"/>: the same
/// JSON as the serializer would produce (camelCase, nulls omitted), without reflection or boxing on the hot path.
/// </summary>
internal sealed class PredictionJsonResult(PredictionResponse response) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(httpContext.Response.BodyWriter))
        {
            Write(json, response);
        }

        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private static void Write(Utf8JsonWriter json, PredictionResponse r)
    {
        json.WriteStartObject();
        json.WriteString("model"u8, r.Model);
        json.WriteNumber("version"u8, r.Version);
        json.WriteString("requestId"u8, r.RequestId);
        json.WriteStartArray("predictions"u8);
        foreach (var p in r.Predictions)
        {
            json.WriteStartObject();
            if (p.Value is { } value)
            {
                json.WriteNumber("value"u8, value);
            }

            if (p.Label is { } label)
            {
                json.WriteString("label"u8, label);
            }

            if (p.Probabilities is { } probabilities)
            {
                json.WriteStartObject("probabilities"u8);
                foreach (var (name, probability) in probabilities)
                {
                    json.WriteNumber(name, probability);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (r.Notes is { Count: > 0 } notes)
        {
            json.WriteStartArray("notes"u8);
            foreach (var n in notes)
            {
                Note(json, n);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void Note(Utf8JsonWriter json, InputNote n)
    {
        json.WriteStartObject();
        json.WriteNumber("row"u8, n.Row);
        json.WriteString("field"u8, n.Field);
        json.WriteString("kind"u8, n.Kind);
        json.WriteString("message"u8, n.Message);
        json.WriteEndObject();
    }
}
