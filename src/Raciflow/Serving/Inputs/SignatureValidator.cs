using System.Globalization;
using Raciflow.Data;
using Raciflow.Registry;

namespace Raciflow.Serving.Inputs;

/// <summary>
/// Checks one request row against a model signature and converts it to the values the model's preprocessing takes.
/// Every problem is collected (not just the first), so a client can fix a request in one go.
/// </summary>
public sealed class SignatureValidator
{
    private readonly ModelSignature _signature;
    private readonly Dictionary<string, HashSet<string>> _categories;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _positions;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>?[] _categoriesByPosition;

    public SignatureValidator(ModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        _signature = signature;
        _categories = signature.Inputs.Where(f => f.Categories is not null && !f.CategoriesTruncated)
            .ToDictionary(f => f.Name, f => f.Categories!.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _positions = signature.Inputs.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _categoriesByPosition = signature.Inputs.Select(f => _categories.TryGetValue(f.Name, out var known) ? known.GetAlternateLookup<ReadOnlySpan<char>>() : (HashSet<string>.AlternateLookup<ReadOnlySpan<char>>?)null).ToArray();
    }

    public IReadOnlyList<SignatureField> Inputs => _signature.Inputs;

    /// <summary>True when the signature has an input of this name (unknown fields are problems).</summary>
    public bool IsInput(string name) => PositionOf(name) >= 0;

    /// <summary>The input's position in <see cref="Inputs"/>, or -1 when the signature has no input of this name.</summary>
    public int PositionOf(ReadOnlySpan<char> name) => _positions.TryGetValue(name, out var position) ? position : -1;

    /// <summary>
    /// The signature's own string for a category seen in training of the input at <paramref name="position"/>, or null.
    /// A request's categorical values are nearly always known ones: reusing the signature's strings saves a string per
    /// value on the serving path.
    /// </summary>
    public string? KnownCategory(int position, ReadOnlySpan<char> text) =>
        _categoriesByPosition[position] is { } known && known.TryGetValue(text, out var category) ? category : null;

    /// <summary>
    /// Converts one value; adds a problem (and returns null) when it cannot reach the model. Text longer than
    /// <paramref name="maxTextLength"/> characters is a problem whatever the input's type, and is never echoed.
    /// </summary>
    public object? Convert(SignatureField field, InputValue value, int row, InputPath path, List<InputProblem> problems, List<InputNote> notes, int maxTextLength = InputLimits.DefaultMaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(notes);
        if (value.Kind == InputValueKind.String && value.Text!.Length > maxTextLength)
        {
            problems.Add(new InputProblem(path.ToString(), string.Create(CultureInfo.InvariantCulture,
                $"is {value.Text.Length:N0} characters long; text inputs are at most {maxTextLength:N0} characters (serving.max_text_length in raciflow.yaml).")));
            return null;
        }

        switch (value.Kind)
        {
            case InputValueKind.Missing:
                problems.Add(new InputProblem(path.ToString(), $"is required ({Expected(field)})."));
                return null;
            case InputValueKind.Null:
                if (!field.Nullable)
                {
                    problems.Add(new InputProblem(path.ToString(), "may not be null: the training data had no missing values here."));
                }

                return null;
        }

        return field.Type switch
        {
            ColumnType.Numeric or ColumnType.Integer => Number(field, value, row, path, problems, notes),
            ColumnType.Boolean => Boolean(field, value, path, problems),
            ColumnType.DateTime => Date(field, value, path, problems),
            _ => Text(field, value, row, path, problems, notes),
        };
    }

    private static object? Number(SignatureField field, InputValue value, int row, InputPath path, List<InputProblem> problems, List<InputNote> notes)
    {
        if (value.Kind != InputValueKind.Number)
        {
            problems.Add(new InputProblem(path.ToString(), $"must be a number, not {value.Describe()}{Quoted(value)}."));
            return null;
        }

        var number = value.Number;
        if (!double.IsFinite(number))
        {
            problems.Add(new InputProblem(path.ToString(), "must be a finite number."));
            return null;
        }

        if (field.Type == ColumnType.Integer && Math.Abs(number % 1) > 0)
        {
            problems.Add(new InputProblem(path.ToString(), $"must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}."));
            return null;
        }

        if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
        {
            notes.Add(new InputNote(row, field.Name, InputNote.OutOfRange,
                $"{number.ToString(CultureInfo.InvariantCulture)} is outside the training range {field.Min?.ToString(CultureInfo.InvariantCulture)} to {field.Max?.ToString(CultureInfo.InvariantCulture)}: the prediction extrapolates."));
        }

        return number;
    }

    private static object? Boolean(SignatureField field, InputValue value, InputPath path, List<InputProblem> problems)
    {
        if (value.Kind == InputValueKind.Boolean)
        {
            return value.Number != 0;
        }

        if (value.Kind == InputValueKind.String && bool.TryParse(value.Text, out var parsed))
        {
            return parsed;
        }

        problems.Add(new InputProblem(path.ToString(), $"must be true or false, not {value.Describe()}{Quoted(value)} ({field.Name} is boolean)."));
        return null;
    }

    private static object? Date(SignatureField field, InputValue value, InputPath path, List<InputProblem> problems)
    {
        if (value.Kind == InputValueKind.String && DateTime.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        problems.Add(new InputProblem(path.ToString(), $"must be a date or time as ISO 8601 text (e.g. 2026-11-29T10:00:00Z), not {value.Describe()}{Quoted(value)} ({field.Name})."));
        return null;
    }

    private object? Text(SignatureField field, InputValue value, int row, InputPath path, List<InputProblem> problems, List<InputNote> notes)
    {
        if (value.Kind != InputValueKind.String)
        {
            problems.Add(new InputProblem(path.ToString(), $"must be a string, not {value.Describe()}{Quoted(value)}{(field.Categories is { Count: > 0 } c ? " (e.g. \"" + c[0] + "\")" : string.Empty)}."));
            return null;
        }

        if (_categories.TryGetValue(field.Name, out var known) && !known.Contains(value.Text!))
        {
            notes.Add(new InputNote(row, field.Name, InputNote.UnseenCategory,
                $"'{Clip(value.Text)}' was not seen in training; the model treats it as its 'other' category."));
        }

        return value.Text;
    }

    private static string Expected(SignatureField field) => field.Type switch
    {
        ColumnType.Numeric or ColumnType.Integer => field.Min is { } min ? $"a number, {min.ToString(CultureInfo.InvariantCulture)} to {field.Max?.ToString(CultureInfo.InvariantCulture)} in training" : "a number",
        ColumnType.Boolean => "true or false",
        ColumnType.DateTime => "an ISO 8601 date",
        _ when field.Categories is { Count: > 0 } c => "one of " + string.Join(", ", c.Take(6).Select(x => $"\"{x}\"")) + (c.Count > 6 ? ", …" : string.Empty),
        _ => "a string",
    };

    private static string Quoted(InputValue value) => value.Kind == InputValueKind.String ? $" ('{Clip(value.Text)}')" : value.Kind == InputValueKind.Number ? $" ({value.Number.ToString(CultureInfo.InvariantCulture)})" : string.Empty;

    /// <summary>The start of a value for a message (never half of a surrogate pair, which could not be written as JSON).</summary>
    private static string Clip(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (text.Length <= 40)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[38]) ? 38 : 39;
        return text[..cut] + "…";
    }
}
