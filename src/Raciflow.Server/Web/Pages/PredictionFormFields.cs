using System.Globalization;
using Raciflow.Data;
using Raciflow.Registry;
using Raciflow.Serving.Inputs;

namespace Raciflow.Server.Web.Pages;

/// <summary>
/// The inputs of the prediction form, one per signature field: a dropdown of the categories seen in training, a number
/// input with the training range as a hint (step 1 for integers), true/false for booleans, text otherwise. What the
/// user typed is written back, with the field's error or note beside it. The browser does not check ranges (the
/// form is novalidate): out-of-range values are allowed and noted by the server, which decides everything.
/// </summary>
internal static class PredictionFormFields
{
    public static Html Render(IReadOnlyList<SignatureField> inputs, IReadOnlyDictionary<string, string?> values, IReadOnlyList<InputProblem> problems, IReadOnlyList<InputNote> notes) =>
        Html.Join(inputs.Select((field, i) =>
        {
            var id = "field-" + i.ToString(CultureInfo.InvariantCulture);
            var value = values.GetValueOrDefault(field.Name);
            var errors = problems.Where(p => p.Field == field.Name).Select(p => p.Message).ToList();
            var invalid = Html.When(errors.Count > 0, Html.Of($" aria-invalid=\"true\" aria-describedby=\"{id}-error\" class=\"invalid\""));
            return Html.Of($"""
                <div class="field" data-field="{field.Name}">
                <label for="{id}">{field.Name} <span class="muted">{Kind(field)}</span></label>
                {Input(field, id, value, invalid)}
                {Html.When(errors.Count > 0, Html.Of($"<p class=\"field-error\" id=\"{id}-error\">{string.Join(" ", errors)}</p>"))}
                {Html.Join(notes.Where(n => n.Field == field.Name).Select(n => Html.Of($"<p class=\"field-note\">{n.Message}</p>")))}
                </div>
                """);
        }));

    private static Html Input(SignatureField field, string id, string? value, Html invalid) => field.Type switch
    {
        ColumnType.Numeric or ColumnType.Integer => Html.Of(
            $"<input type=\"number\" id=\"{id}\" name=\"{field.Name}\" value=\"{value}\" step=\"{(field.Type == ColumnType.Integer ? "1" : "any")}\"{invalid}>{Range(field)}"),
        ColumnType.Boolean => Select(field, id, value, ["true", "false"], invalid),
        _ when field.Categories is { Count: > 0 } categories && !field.CategoriesTruncated => Select(field, id, value, categories, invalid),
        _ when field.Categories is { Count: > 0 } some => Html.Of($"""
            <input type="text" id="{id}" name="{field.Name}" value="{value}" list="{id}-seen"{invalid}>
            <datalist id="{id}-seen">{Html.Join(some.Select(c => Html.Of($"<option value=\"{c}\">")))}</datalist>
            """),
        ColumnType.DateTime => Html.Of($"<input type=\"text\" id=\"{id}\" name=\"{field.Name}\" value=\"{value}\" placeholder=\"2026-01-31T10:00:00Z\"{invalid}>"),
        _ => Html.Of($"<input type=\"text\" id=\"{id}\" name=\"{field.Name}\" value=\"{value}\"{invalid}>"),
    };

    /// <summary>A dropdown with an empty choice first (missing); a value it does not list (sent by hand) is kept as an extra choice.</summary>
    private static Html Select(SignatureField field, string id, string? value, IReadOnlyList<string> choices, Html invalid)
    {
        var current = value ?? string.Empty;
        var extra = current.Length > 0 && !choices.Contains(current, StringComparer.Ordinal)
            ? Html.Of($"<option value=\"{current}\" selected>{current} (not seen in training)</option>")
            : Html.Empty;
        return Html.Of($"""
            <select id="{id}" name="{field.Name}"{invalid}>
            <option value=""{Selected(current.Length == 0)}>{(field.Nullable ? "— (missing)" : "— choose —")}</option>
            {Html.Join(choices.Select(c => Html.Of($"<option value=\"{c}\"{Selected(c == current)}>{c}</option>")))}{extra}
            </select>
            """);
    }

    private static Html Selected(bool selected) => Html.When(selected, Html.Raw(" selected"));

    private static Html Range(SignatureField field) => field.Min is null && field.Max is null
        ? Html.Empty
        : Html.Of($"<span class=\"hint\">training range {WebFormat.Number(field.Min)} to {WebFormat.Number(field.Max)}</span>");

    private static string Kind(SignatureField field) =>
        field.Type.ToString().ToLowerInvariant() + (field.Nullable ? ", may be left empty" : string.Empty);
}
