namespace Raciflow.Data.Ingestion;

/// <summary>A table read once, front to back, without holding it in memory.</summary>
internal interface ITableSource : IAsyncDisposable
{
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Streams every data row to <paramref name="visitor"/>; reports the fraction read so far.</summary>
    Task ReadAsync(ICellVisitor visitor, Action<double>? progress, CancellationToken cancellationToken);
}
