using System.Text;
using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// Hashed bag of words: lower-cased letter/digit tokens hashed (FNV-1a, stable across processes, unlike
/// string.GetHashCode) into <see cref="Buckets"/> term frequencies. Stateless apart from the bucket count, so it
/// needs no vocabulary and never meets an unseen word.
/// </summary>
public sealed class TextEncoder : ColumnEncoder
{
    public required int Buckets { get; init; }

    public override IReadOnlyList<string> FeatureNames() => Enumerable.Range(0, Buckets).Select(b => $"{Column}#{b}").ToList();

    public override void EncodeRows(FrameColumn column, int start, int count, Span<double> destination, int stride, int offset)
    {
        for (var i = 0; i < count; i++)
        {
            Encode(column.Format(start + i), destination[((i * stride) + offset)..]);
        }
    }

    public override void EncodeValue(object? value, Span<double> destination) => Encode(RawValues.ToText(value), destination);

    internal static IEnumerable<string> Tokens(string text)
    {
        var token = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                token.Append(char.ToLowerInvariant(ch));
            }
            else if (token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    internal static uint Fnv1a(string token)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(token))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private void Encode(string? value, Span<double> destination)
    {
        destination[..Buckets].Clear();
        if (value is null)
        {
            return;
        }

        var count = 0;
        foreach (var token in Tokens(value))
        {
            destination[(int)(Fnv1a(token) % (uint)Buckets)] += 1;
            count++;
        }

        if (count > 0)
        {
            for (var b = 0; b < Buckets; b++)
            {
                destination[b] /= count;
            }
        }
    }
}
