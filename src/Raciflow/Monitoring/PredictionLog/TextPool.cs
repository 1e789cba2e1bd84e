namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Shares one string per distinct value of a low-cardinality column (categories, labels) so that the strings a
/// request parsed die with the request; past <see cref="Limit"/> distinct values it stops remembering new ones.
/// </summary>
internal sealed class TextPool
{
    public const int Limit = 256;

    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    public string? Share(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_shared.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (_shared.Count < Limit)
        {
            _shared.Add(text, text);
        }

        return text;
    }
}
