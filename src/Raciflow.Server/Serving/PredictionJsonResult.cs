using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Raciflow.Serving;
using Raciflow.Serving.Inputs;

namespace Raciflow.Server.Serving;

/// <summary>
/// Writes a predicted <see cref="PredictionOutcome"/> as JSON with a <see cref="Utf8JsonWriter"/>: the same JSON as the
/// serializer would produce for <see cref="PredictionResponse"/> (camelCase, nulls omitted), without reflection or
/// boxing on the hot path. The whole answer is written to a per-thread buffer first and sent with its length only
/// once complete, so a failure while writing is a problem response, never a body cut in the middle.
/// </summary>
internal sealed class PredictionJsonResult(PredictionOutcome outcome) : IResult
{
    /// <summary>Buffers larger than this (a 10,000-row answer) are not kept for the thread's next request.</summary>
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        try
        {
            Write(json, outcome);
            json.Flush();
        }
        catch
        {
            json.Reset();
            throw;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        response.Headers["X-Request-Id"] = outcome.RequestId;
        response.BodyWriter.Write(buffer.WrittenSpan);
        if (buffer.Capacity > KeptBufferBytes)
        {
            t_buffer = null;
            t_writer = null;
        }

        return response.BodyWriter.FlushAsync(httpContext.RequestAborted).AsTask();
    }

    private static void Write(Utf8JsonWriter json, PredictionOutcome r)
    {
        json.WriteStartObject();
        json.WriteString("model"u8, r.Model.Name);
        json.WriteNumber("version"u8, r.Model.Version);
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
