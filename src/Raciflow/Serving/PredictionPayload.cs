namespace Raciflow.Serving;

/// <summary>
/// A prediction request's content as it arrived, before any decoding: an HTTP body with its media type (JSON, CSV,
/// and later images or multipart uploads), or the fields of a web form. Which <see cref="Inputs.IInputDecoder"/> reads
/// it is the served model's choice, not the front door's.
/// </summary>
public readonly struct PredictionPayload
{
    private PredictionPayload(ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string?>? fields, long? tooLargeLimit)
    {
        Body = body;
        ContentType = contentType;
        Fields = fields;
        TooLargeLimit = tooLargeLimit;
    }

    /// <summary>The body's bytes (empty for a form).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body's media type as sent (<c>application/json</c>, <c>text/csv; charset=utf-8</c>, …), or null.</summary>
    public string? ContentType { get; }

    /// <summary>A form's fields by name, as typed (text); null for a body.</summary>
    public IReadOnlyDictionary<string, string?>? Fields { get; }

    /// <summary>Set when the front door refused to read a body over this many bytes (HTTP 413).</summary>
    public long? TooLargeLimit { get; }

    public bool IsTooLarge => TooLargeLimit is not null;

    /// <summary>True for <c>text/csv</c> and <c>application/csv</c>.</summary>
    public bool IsCsv => ContentType is { } type
        && (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase));

    public static PredictionPayload FromBody(ReadOnlyMemory<byte> body, string? contentType) => new(body, contentType, null, null);

    public static PredictionPayload FromFields(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(ReadOnlyMemory<byte>.Empty, null, fields, null);
    }

    /// <summary>A body the front door did not read because it is larger than <paramref name="limitBytes"/>.</summary>
    public static PredictionPayload TooLarge(long limitBytes) => new(ReadOnlyMemory<byte>.Empty, null, null, limitBytes);
}
