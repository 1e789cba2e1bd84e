using Parquet.Schema;

namespace Raciflow.Data.Ingestion;

/// <summary>
/// How a dataset schema is laid out in its Parquet copy: numeric → double?, integer → long?, boolean → bool?,
/// date-time → DateTime?, categorical and text → string; column names kept.
/// </summary>
internal static class ParquetLayout
{
    public static DataField Field(ColumnSchema column) => column.Type switch
    {
        ColumnType.Numeric => new DataField<double?>(column.Name),
        ColumnType.Integer => new DataField<long?>(column.Name),
        ColumnType.Boolean => new DataField<bool?>(column.Name),
        ColumnType.DateTime => new DataField<DateTime?>(column.Name),
        _ => new DataField<string>(column.Name, true),
    };

    public static ParquetSchema Schema(DatasetSchema schema) => new(schema.Columns.Select(Field).ToArray<Field>());

    /// <summary>Rows per row group: about two million cells, so memory stays bounded however wide the table.</summary>
    public static int RowsPerGroup(int columns) => Math.Clamp(2_000_000 / Math.Max(1, columns), 1_024, 100_000);

    /// <summary>How a column type is stored: categorical and text are both strings.</summary>
    public static ColumnType PhysicalType(ColumnType type) => type == ColumnType.Categorical ? ColumnType.Text : type;

    /// <summary>Whether two schemas give the same Parquet columns (names and stored types; nullability does not matter).</summary>
    public static bool SameLayout(DatasetSchema a, DatasetSchema b) =>
        a.Columns.Count == b.Columns.Count &&
        a.Columns.Zip(b.Columns).All(p => p.First.Name == p.Second.Name && PhysicalType(p.First.Type) == PhysicalType(p.Second.Type));
}
