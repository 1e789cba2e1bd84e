using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Raciflow.Storage.Metadata;

namespace Raciflow.Tracking;

/// <summary>
/// The hot path of logging: writes a validated batch inside the caller's transaction with plain ADO.NET, because
/// EF change tracking costs more than the insert itself at 100,000 points/s. SQLite gets prepared multi-row INSERTs; PostgreSQL gets a binary COPY. The latest value per metric key is upserted once per
/// key with ON CONFLICT, which both engines speak alike.
/// </summary>
internal sealed class RunBatchWriter(RaciflowDbContext db, MetadataProvider provider)
{
    private const int RowsPerStatement = 100;

    private readonly TrackingTables _tables = TrackingTables.For(db);

    private DbConnection Connection => db.Database.GetDbConnection();

    private DbTransaction? Transaction => db.Database.CurrentTransaction?.GetDbTransaction();

    public async Task InsertParamsAsync(string runId, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        var t = _tables.Params;
        await ExecuteEachAsync($"INSERT INTO {t[0]} ({t[1]}, {t[2]}, {t[3]}) VALUES (@r, @k, @v)", runId, values, cancellationToken);
    }

    public async Task UpsertTagsAsync(string runId, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        var t = _tables.Tags;
        await ExecuteEachAsync(
            $"INSERT INTO {t[0]} ({t[1]}, {t[2]}, {t[3]}) VALUES (@r, @k, @v) ON CONFLICT ({t[1]}, {t[2]}) DO UPDATE SET {t[3]} = excluded.{t[3]}",
            runId,
            values,
            cancellationToken);
    }

    public async Task InsertMetricsAsync(string runId, IReadOnlyList<MetricPoint> points, DateTime now, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return;
        }

        if (provider == MetadataProvider.Postgres)
        {
            await CopyMetricsAsync(runId, points, now, cancellationToken);
        }
        else
        {
            InsertMetricsPrepared(runId, points, now);
        }

        await UpsertLatestAsync(runId, points, now, cancellationToken);
    }

    // Many rows per statement: Microsoft.Data.Sqlite's per-execution overhead (binding, step, reset) dominates a
    // one-row INSERT, so a prepared statement of RowsPerStatement rows is re-executed and the tail gets its own.
    private void InsertMetricsPrepared(string runId, IReadOnlyList<MetricPoint> points, DateTime now)
    {
        var full = points.Count / RowsPerStatement;
        if (full > 0)
        {
            using var command = MultiRowInsert(runId, RowsPerStatement);
            for (var chunk = 0; chunk < full; chunk++)
            {
                Bind(command, points, chunk * RowsPerStatement, RowsPerStatement, now);

                // SQLite executes in-process: the synchronous call avoids an async state machine per statement.
                command.ExecuteNonQuery();
            }
        }

        var rest = points.Count - (full * RowsPerStatement);
        if (rest > 0)
        {
            using var command = MultiRowInsert(runId, rest);
            Bind(command, points, full * RowsPerStatement, rest, now);
            command.ExecuteNonQuery();
        }
    }

    private DbCommand MultiRowInsert(string runId, int rows)
    {
        var t = _tables.Metrics;
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        var sql = new System.Text.StringBuilder($"INSERT INTO {t[0]} ({t[1]}, {t[2]}, {t[3]}, {t[4]}, {t[5]}) VALUES ");
        Add(command, "@r", DbType.String, runId);
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture, $"(@r, @k{i}, @v{i}, @s{i}, @t{i})");
            Add(command, $"@k{i}", DbType.String, "");
            Add(command, $"@v{i}", DbType.Double, 0.0);
            Add(command, $"@s{i}", DbType.Int64, 0L);
            Add(command, $"@t{i}", null, DateTime.UnixEpoch);
        }

        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static void Bind(DbCommand command, IReadOnlyList<MetricPoint> points, int offset, int rows, DateTime now)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < rows; i++)
        {
            var point = points[offset + i];
            var at = 1 + (i * 4);
            parameters[at].Value = point.Key;
            parameters[at + 1].Value = point.Value;
            parameters[at + 2].Value = point.Step;
            parameters[at + 3].Value = StoredTime.Of(point.Timestamp ?? now);
        }
    }

    private async Task CopyMetricsAsync(string runId, IReadOnlyList<MetricPoint> points, DateTime now, CancellationToken cancellationToken)
    {
        var t = _tables.Metrics;
        var connection = (NpgsqlConnection)Connection;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {t[0]} ({t[1]}, {t[2]}, {t[3]}, {t[4]}, {t[5]}) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var point in points)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(runId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(point.Key, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(point.Value, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(point.Step, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(StoredTime.Of(point.Timestamp ?? now), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    // The latest point wins by step, then by time, matching MLflow; older points arriving late never overwrite it.
    private async Task UpsertLatestAsync(string runId, IReadOnlyList<MetricPoint> points, DateTime now, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, MetricPoint>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            if (!latest.TryGetValue(point.Key, out var best) || point.Step > best.Step || (point.Step == best.Step && (point.Timestamp ?? now) >= (best.Timestamp ?? now)))
            {
                latest[point.Key] = point;
            }
        }

        var t = _tables.LatestMetrics;
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText =
            $"INSERT INTO {t[0]} ({t[1]}, {t[2]}, {t[3]}, {t[4]}, {t[5]}) VALUES (@r, @k, @v, @s, @t) " +
            $"ON CONFLICT ({t[1]}, {t[2]}) DO UPDATE SET {t[3]} = excluded.{t[3]}, {t[4]} = excluded.{t[4]}, {t[5]} = excluded.{t[5]} " +
            $"WHERE excluded.{t[4]} > {t[0]}.{t[4]} OR (excluded.{t[4]} = {t[0]}.{t[4]} AND excluded.{t[5]} >= {t[0]}.{t[5]})";
        Add(command, "@r", DbType.String, runId);
        var key = Add(command, "@k", DbType.String, "");
        var value = Add(command, "@v", DbType.Double, 0.0);
        var step = Add(command, "@s", DbType.Int64, 0L);
        var time = Add(command, "@t", null, now);
        foreach (var point in latest.Values)
        {
            key.Value = point.Key;
            value.Value = point.Value;
            step.Value = point.Step;
            time.Value = StoredTime.Of(point.Timestamp ?? now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task ExecuteEachAsync(string sql, string runId, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        Add(command, "@r", DbType.String, runId);
        var key = Add(command, "@k", DbType.String, "");
        var value = Add(command, "@v", DbType.String, "");
        foreach (var (k, v) in values)
        {
            key.Value = k;
            value.Value = v;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // A null type lets the provider infer it: a UTC DateTime becomes timestamptz on PostgreSQL and EF's text format on SQLite.
    private static DbParameter Add(DbCommand command, string name, DbType? type, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
