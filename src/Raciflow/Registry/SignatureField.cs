using Raciflow.Data;

namespace Raciflow.Registry;

/// <summary>
/// One input of a model as training saw it: its type, whether training had missing values (so null is accepted),
/// the numeric range seen, and the categories seen (anything else goes to the model's "other" bucket).
/// </summary>
public sealed record SignatureField
{
    public required string Name { get; init; }

    public required ColumnType Type { get; init; }

    public bool Nullable { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>The categories seen in training, most frequent first (categorical and boolean inputs).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>True when the training rows held more distinct categories than the signature lists.</summary>
    public bool CategoriesTruncated { get; init; }
}
