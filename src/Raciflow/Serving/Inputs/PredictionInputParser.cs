using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;

namespace Raciflow.Serving.Inputs;

/// <summary>
/// Reads prediction requests: a JSON object (one row), an array of objects, <c>{"instances": [...]}</c>, or CSV with
/// a header. Unknown fields, missing fields and values of the wrong type are all reported with their paths.
/// </summary>
public static class PredictionInputParser
{
    /// <summary>More rows than this belong to batch scoring (raciflow predict), not to a request.</summary>
    public const int MaxRows = 10_000;

    /// <summary>Names and values up to this many UTF-8 bytes are matched from a stack copy of their characters.</summary>
    private const int MaxStackText = 256;

    public static ParsedInput ParseJson(ReadOnlyMemory<byte> body, SignatureValidator validator, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        limits ??= InputLimits.Default;
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return ParsedInput.Bad("The request body is empty: send a JSON object, an array of objects or {\"instances\": [...]}.");
        }

        // Parse over the caller's bytes with pooled metadata (returned on dispose), not a copy of the body.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return ParsedInput.Bad($"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("instances", out var instances))
            {
                return instances.ValueKind == JsonValueKind.Array
                    ? Rows(instances, "instances", validator, limits) with { Layout = InputLayout.Instances }
                    : ParsedInput.Bad("\"instances\" must be an array of objects.");
            }

            return root.ValueKind switch
            {
                JsonValueKind.Object => One(root, validator, limits),
                JsonValueKind.Array => Rows(root, string.Empty, validator, limits) with { Layout = InputLayout.Array },
                _ => ParsedInput.Bad($"The request body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; send a JSON object, an array of objects or {{\"instances\": [...]}}."),
            };
        }
    }

    public static ParsedInput ParseCsv(string text, SignatureValidator validator, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        limits ??= InputLimits.Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedInput.Bad("The CSV body is empty: send a header row naming the model's inputs, then one row per prediction.");
        }

        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = false }).FromText(text);
        var header = reader.Header.ColNames;
        var problems = new List<InputProblem>();
        foreach (var unknown in header.Where(h => !validator.IsInput(h)))
        {
            problems.Add(new InputProblem($"column {unknown}", $"is not an input of this model; its inputs are: {string.Join(", ", validator.Inputs.Select(f => f.Name))}."));
        }

        foreach (var missing in validator.Inputs.Where(f => !header.Contains(f.Name)))
        {
            problems.Add(new InputProblem($"column {missing.Name}", "is required: the CSV header must name every input of the model."));
        }

        if (problems.Count > 0)
        {
            return new ParsedInput([], problems, []) { Layout = InputLayout.Csv };
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var notes = new List<InputNote>();
        try
        {
            foreach (var row in reader)
            {
                if (rows.Count == limits.MaxRows)
                {
                    return ParsedInput.Bad($"The CSV has more than {limits.MaxRows:N0} rows; score large files with 'raciflow predict'.");
                }

                var line = rows.Count + 1;
                var values = new Dictionary<string, object?>(validator.Inputs.Count, StringComparer.Ordinal);
                foreach (var field in validator.Inputs)
                {
                    var cell = row[field.Name].ToString();
                    values[field.Name] = validator.Convert(field, Cell(field, cell), line - 1, InputPath.CsvCell(line, field.Name), problems, notes, limits.MaxTextLength);
                }

                rows.Add(values);
            }
        }
        catch (InvalidDataException ex)
        {
            return ParsedInput.Bad($"The CSV body is malformed after row {rows.Count}: {ex.Message}");
        }

        return rows.Count == 0 ? ParsedInput.Bad("The CSV body has a header but no rows.") : new ParsedInput(rows, problems, notes) { Layout = InputLayout.Csv };
    }

    /// <summary>
    /// One row typed into a form: every value is text, read as a CSV cell is (empty is null, a number field's text
    /// is a number when it parses); a field not sent at all is missing. Problems are keyed by the field's name.
    /// </summary>
    public static ParsedInput ParseFields(IReadOnlyDictionary<string, string?> fields, SignatureValidator validator, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(validator);
        limits ??= InputLimits.Default;
        var problems = new List<InputProblem>();
        var notes = new List<InputNote>();
        var values = new Dictionary<string, object?>(validator.Inputs.Count, StringComparer.Ordinal);
        foreach (var field in validator.Inputs)
        {
            var value = fields.TryGetValue(field.Name, out var text) && text is not null ? Cell(field, text.Trim()) : InputValue.Missing;
            values[field.Name] = validator.Convert(field, value, 0, InputPath.Json(string.Empty, field.Name), problems, notes, limits.MaxTextLength);
        }

        return new ParsedInput([values], problems, notes);
    }

    private static ParsedInput Rows(JsonElement array, string prefix, SignatureValidator validator, InputLimits limits)
    {
        var count = array.GetArrayLength();
        if (count == 0)
        {
            return ParsedInput.Bad("The request has no rows to predict.");
        }

        if (count > limits.MaxRows)
        {
            return ParsedInput.Bad($"The request has {count:N0} rows; at most {limits.MaxRows:N0} per request (score large files with 'raciflow predict').");
        }

        return Rows(array.EnumerateArray(), prefix, validator, limits.MaxTextLength);
    }

    private static ParsedInput One(JsonElement element, SignatureValidator validator, InputLimits limits)
    {
        var problems = new List<InputProblem>();
        var notes = new List<InputNote>();
        var row = Row(element, 0, string.Empty, validator, problems, notes, limits.MaxTextLength);
        return new ParsedInput([row], problems, notes);
    }

    private static ParsedInput Rows(JsonElement.ArrayEnumerator elements, string prefix, SignatureValidator validator, int maxTextLength)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var problems = new List<InputProblem>();
        var notes = new List<InputNote>();
        var index = 0;
        foreach (var element in elements)
        {
            var path = $"{prefix}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new InputProblem(path, $"must be a JSON object of input values, not a JSON {element.ValueKind.ToString().ToLowerInvariant()}."));
            }
            else
            {
                rows.Add(Row(element, index, path, validator, problems, notes, maxTextLength));
            }

            index++;
        }

        return new ParsedInput(rows, problems, notes);
    }

    /// <summary>
    /// One object: each property is matched to its input by name without making a string of it (unknown names are
    /// problems), and known categories come back as the signature's own strings. When a name repeats, the last wins.
    /// </summary>
    private static Dictionary<string, object?> Row(JsonElement element, int index, string path, SignatureValidator validator, List<InputProblem> problems, List<InputNote> notes, int maxTextLength)
    {
        var inputs = validator.Inputs;
        var given = ArrayPool<JsonElement>.Shared.Rent(inputs.Count);
        try
        {
            Span<bool> sent = inputs.Count <= 256 ? stackalloc bool[inputs.Count] : new bool[inputs.Count];
            foreach (var property in element.EnumerateObject())
            {
                var position = PositionOf(property, validator);
                if (position < 0)
                {
                    problems.Add(new InputProblem(InputPath.Json(path, property.Name).ToString(), $"is not an input of this model; its inputs are: {string.Join(", ", inputs.Select(f => f.Name))}."));
                    continue;
                }

                given[position] = property.Value;
                sent[position] = true;
            }

            var values = new Dictionary<string, object?>(inputs.Count, StringComparer.Ordinal);
            for (var i = 0; i < inputs.Count; i++)
            {
                var field = inputs[i];
                var value = sent[i] ? Value(given[i], i, validator) : InputValue.Missing;
                values[field.Name] = validator.Convert(field, value, index, InputPath.Json(path, field.Name), problems, notes, maxTextLength);
            }

            return values;
        }
        finally
        {
            Array.Clear(given, 0, inputs.Count);
            ArrayPool<JsonElement>.Shared.Return(given);
        }
    }

    private static int PositionOf(JsonProperty property, SignatureValidator validator)
    {
        Span<char> buffer = stackalloc char[MaxStackText];
        return TryDecode(JsonMarshal.GetRawUtf8PropertyName(property), buffer, out var name)
            ? validator.PositionOf(name)
            : validator.PositionOf(property.Name);
    }

    private static InputValue Value(JsonElement v, int position, SignatureValidator validator) => v.ValueKind switch
    {
        JsonValueKind.Null => InputValue.Null,
        // A number outside a double's range (1e400) is not finite: the validator says so, naming the field.
        JsonValueKind.Number => new InputValue(InputValueKind.Number, v.TryGetDouble(out var number) ? number : double.NaN),
        JsonValueKind.String => new InputValue(InputValueKind.String, Text: Text(v, position, validator)),
        JsonValueKind.True => new InputValue(InputValueKind.Boolean, 1),
        JsonValueKind.False => new InputValue(InputValueKind.Boolean, 0),
        _ => new InputValue(InputValueKind.Other, Text: v.ValueKind.ToString().ToLowerInvariant()),
    };

    /// <summary>A string value; a category the model knows comes back as the signature's string, not a new one.</summary>
    private static string? Text(JsonElement v, int position, SignatureValidator validator)
    {
        Span<char> buffer = stackalloc char[MaxStackText];
        return TryDecode(JsonMarshal.GetRawUtf8Value(v)[1..^1], buffer, out var text)
            ? validator.KnownCategory(position, text) ?? new string(text)
            : v.GetString();
    }

    /// <summary>
    /// The characters of a raw JSON name or string (without its quotes) decoded into <paramref name="buffer"/>; false
    /// when it has escapes or is longer than the buffer, and the caller lets System.Text.Json unescape it.
    /// </summary>
    private static bool TryDecode(ReadOnlySpan<byte> raw, Span<char> buffer, out ReadOnlySpan<char> chars)
    {
        if (raw.Length > buffer.Length || raw.Contains((byte)'\\'))
        {
            chars = default;
            return false;
        }

        chars = buffer[..Encoding.UTF8.GetChars(raw, buffer)];
        return true;
    }

    private static InputValue Cell(Registry.SignatureField field, string cell)
    {
        if (cell.Length == 0)
        {
            return InputValue.Null;
        }

        if (field.Type is Data.ColumnType.Numeric or Data.ColumnType.Integer && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new InputValue(InputValueKind.Number, number);
        }

        return new InputValue(InputValueKind.String, Text: cell);
    }
}
