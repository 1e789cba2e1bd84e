using System.Text.Json.Serialization;
using Raciflow.Data;

namespace Raciflow.Training.Preprocessing;

/// <summary>
/// Turns one raw input column into one or more feature columns, with statistics learnt from training rows only.
/// Whole columns and single raw values go through the same per-value code, so offline (batch) and online
/// (one row) features are the same numbers.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NumericEncoder), "numeric")]
[JsonDerivedType(typeof(CategoricalEncoder), "categorical")]
[JsonDerivedType(typeof(DateTimeEncoder), "datetime")]
[JsonDerivedType(typeof(TextEncoder), "text")]
public abstract class ColumnEncoder
{
    /// <summary>The raw input column this encoder reads.</summary>
    public required string Column { get; init; }

    /// <summary>Names of the features this encoder writes, in order.</summary>
    public abstract IReadOnlyList<string> FeatureNames();

    /// <summary>Writes row <c>r</c>'s features at <c>destination[r * stride + offset ..]</c>.</summary>
    public void EncodeColumn(FrameColumn column, double[] destination, int stride, int offset) =>
        EncodeRows(column, 0, column.Length, destination, stride, offset);

    /// <summary>
    /// Writes the features of rows <c>start .. start + count</c> of <paramref name="column"/>, row
    /// <c>start + i</c> at <c>destination[i * stride + offset ..]</c> (batch scoring encodes slices of a chunk in
    /// place, without copying the columns first).
    /// </summary>
    public abstract void EncodeRows(FrameColumn column, int start, int count, Span<double> destination, int stride, int offset);

    /// <summary>Writes the features of one raw value (null when missing) into <paramref name="destination"/>.</summary>
    public abstract void EncodeValue(object? value, Span<double> destination);

    private protected RaciflowException WrongColumnType(FrameColumn column, string expected) =>
        RaciflowException.Invalid($"Column '{Column}' was {expected} when the preprocessing was fitted but is {column.Type.ToString().ToLowerInvariant()} now.", Column);
}
