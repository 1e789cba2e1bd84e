using System.Globalization;

namespace Raciflow.Registry;

/// <summary>How people name a model version: MODEL (see each use for the default), MODEL@3 or MODEL@production.</summary>
public sealed record ModelRef(string Name, int? Version, string? Alias)
{
    public static ModelRef Parse(string text, string field = "model")
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var name = ModelName.Validate(at < 0 ? text : text[..at], field);
        if (at < 0)
        {
            return new ModelRef(name, null, null);
        }

        var selector = text[(at + 1)..];
        var digits = selector.StartsWith('v') && selector.Length > 1 && selector[1..].All(char.IsAsciiDigit) ? selector[1..] : selector;
        if (digits.Length is > 0 and < 10 && digits.All(char.IsAsciiDigit))
        {
            return new ModelRef(name, int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), null);
        }

        return new ModelRef(name, null, ModelName.ValidateAlias(selector, field));
    }

    public static ModelRef ForAlias(string name, string alias) => new(ModelName.Validate(name), null, ModelName.ValidateAlias(alias));

    public static ModelRef ForVersion(string name, int version) => new(ModelName.Validate(name), version, null);

    public override string ToString() => Version is { } v ? $"{Name}@{v}" : Alias is { } a ? $"{Name}@{a}" : Name;
}
