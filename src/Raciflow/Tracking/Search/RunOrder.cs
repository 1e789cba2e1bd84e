namespace Raciflow.Tracking.Search;

/// <summary>A parsed sort: comma-separated keys, each optionally followed by asc or desc, e.g. <c>metrics.r2 desc, start_time</c>.</summary>
public sealed class RunOrder
{
    private const string What = "sort";

    private RunOrder(IReadOnlyList<RunOrderKey> keys) => Keys = keys;

    /// <summary>Newest first.</summary>
    public static RunOrder Default { get; } = new([new RunOrderKey(RunFilterSubject.Attribute, RunAttributes.StartTime, Descending: true)]);

    public IReadOnlyList<RunOrderKey> Keys { get; }

    public static RunOrder Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var tokens = FilterLexer.Tokenize(text, What);
        var keys = new List<RunOrderKey>();
        var i = 0;
        while (true)
        {
            var field = tokens[i];
            if (field.Kind != FilterTokenKind.Identifier)
            {
                throw FilterLexer.Error(What, text, field.Position, $"expected metrics.KEY, params.KEY, tags.KEY or an attribute, found {field.Describe()}");
            }

            var (subject, key) = RunFieldName.Parse(field, text, What);
            i++;
            var descending = false;
            if (tokens[i].IsWord("desc") || tokens[i].IsWord("asc"))
            {
                descending = tokens[i].IsWord("desc");
                i++;
            }

            keys.Add(new RunOrderKey(subject, key, descending));
            if (tokens[i].Kind == FilterTokenKind.End)
            {
                return new RunOrder(keys);
            }

            if (tokens[i].Kind != FilterTokenKind.Comma)
            {
                throw FilterLexer.Error(What, text, tokens[i].Position, $"expected asc, desc, ',' or the end, found {tokens[i].Describe()}");
            }

            i++;
        }
    }
}
