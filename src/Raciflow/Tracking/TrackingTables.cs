using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Raciflow.Tracking;

/// <summary>Quoted table and column names of the tracking entities, read from the EF model so raw SQL follows the mapping.</summary>
internal sealed class TrackingTables
{
    private static TrackingTables? _cached;

    private TrackingTables(IModel model)
    {
        Metrics = Names(model, typeof(RunMetric), nameof(RunMetric.RunId), nameof(RunMetric.Key), nameof(RunMetric.Value), nameof(RunMetric.Step), nameof(RunMetric.Timestamp));
        LatestMetrics = Names(model, typeof(RunLatestMetric), nameof(RunLatestMetric.RunId), nameof(RunLatestMetric.Key), nameof(RunLatestMetric.Value), nameof(RunLatestMetric.Step), nameof(RunLatestMetric.Timestamp));
        Params = Names(model, typeof(RunParam), nameof(RunParam.RunId), nameof(RunParam.Key), nameof(RunParam.Value));
        Tags = Names(model, typeof(RunTag), nameof(RunTag.RunId), nameof(RunTag.Key), nameof(RunTag.Value));
    }

    /// <summary>Table, then columns RunId, Key, Value, Step, Timestamp.</summary>
    public string[] Metrics { get; }

    public string[] LatestMetrics { get; }

    /// <summary>Table, then columns RunId, Key, Value.</summary>
    public string[] Params { get; }

    public string[] Tags { get; }

    // Both providers build the same relational names from one model, so one cache serves both.
    public static TrackingTables For(DbContext db) => _cached ??= new TrackingTables(db.Model);

    private static string[] Names(IModel model, Type entity, params string[] properties)
    {
        var type = model.FindEntityType(entity)!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return [Quote(type.GetTableName()!), .. properties.Select(p => Quote(type.FindProperty(p)!.GetColumnName(table)!))];
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
