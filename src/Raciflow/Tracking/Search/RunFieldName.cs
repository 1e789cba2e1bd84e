namespace Raciflow.Tracking.Search;

/// <summary>Reads <c>metrics.KEY</c>, <c>params.KEY</c>, <c>tags.KEY</c> or an attribute name, shared by filters and sorts.</summary>
internal static class RunFieldName
{
    public static (RunFilterSubject Subject, string Key) Parse(FilterToken token, string text, string what)
    {
        var name = token.Text;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var prefix = name[..dot].ToLowerInvariant();
            var key = name[(dot + 1)..];
            RunFilterSubject? subject = prefix switch
            {
                "metrics" or "metric" => RunFilterSubject.Metric,
                "params" or "param" => RunFilterSubject.Param,
                "tags" or "tag" => RunFilterSubject.Tag,
                "attributes" or "attribute" or "attr" => RunFilterSubject.Attribute,
                _ => null,
            };
            if (subject is null)
            {
                throw FilterLexer.Error(what, text, token.Position, $"unknown field '{name}': prefix must be metrics., params., tags. or attributes.");
            }

            if (key.Length == 0)
            {
                throw FilterLexer.Error(what, text, token.Position + dot + 1, $"'{name}' names no key after the dot");
            }

            return subject == RunFilterSubject.Attribute ? (RunFilterSubject.Attribute, Attribute(key, token, text, what)) : (subject.Value, key);
        }

        return (RunFilterSubject.Attribute, Attribute(name, token, text, what));
    }

    private static string Attribute(string name, FilterToken token, string text, string what) =>
        RunAttributes.Canonical(name) ?? throw FilterLexer.Error(what, text, token.Position, $"unknown field '{name}': use metrics.KEY, params.KEY, tags.KEY or one of {string.Join(", ", RunAttributes.All)}");
}
