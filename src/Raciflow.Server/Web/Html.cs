using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Raciflow.Server.Web;

/// <summary>
/// A piece of HTML that is safe to write as is. Build it with <see cref="Of"/> from an interpolated string: the
/// literal parts are markup, every hole is HTML-encoded unless it is itself an <see cref="Html"/>, so user-supplied
/// text (names, comments, audit summaries) can never become markup by accident.
/// <code>Html.Of($"&lt;td&gt;{member.Name}&lt;/td&gt;")</code>
/// </summary>
public readonly struct Html
{
    private readonly string? _value;

    private Html(string value) => _value = value;

    public static Html Empty => default;

    /// <summary>Markup written by the page author, never from user input.</summary>
    public static Html Raw(string markup) => new(markup);

    public static Html Encode(string? text) => new(WebUtility.HtmlEncode(text ?? string.Empty));

    public static Html Of(ref Builder builder) => builder.ToHtml();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.ToString())));

    /// <summary>The first fragment when <paramref name="condition"/> holds, else nothing.</summary>
    public static Html When(bool condition, Html html) => condition ? html : Empty;

    public override string ToString() => _value ?? string.Empty;

    /// <summary>Encodes every hole of an interpolated string except <see cref="Html"/> values.</summary>
    [InterpolatedStringHandler]
    public ref struct Builder
    {
        private readonly StringBuilder _html;

        public Builder(int literalLength, int formattedCount) => _html = new StringBuilder(literalLength + (formattedCount * 16));

        public readonly void AppendLiteral(string markup) => _html.Append(markup);

        public readonly void AppendFormatted(Html html) => _html.Append(html.ToString());

        public readonly void AppendFormatted<T>(T value) =>
            _html.Append(WebUtility.HtmlEncode(value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString()));

        public readonly void AppendFormatted<T>(T value, string format)
            where T : IFormattable =>
            _html.Append(WebUtility.HtmlEncode(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

        internal readonly Html ToHtml() => Raw(_html.ToString());
    }
}
