using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Raciflow.Workspaces;

namespace Raciflow.Data.Validation;

/// <summary>Validates a dataset version against the workspace's project and stores the result with the version.</summary>
public sealed class DatasetValidationService(Workspace workspace, ValidationOptions? options = null)
{
    internal static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Resolves and loads a dataset version, validates it and records the report.</summary>
    public async Task<ValidationReport> ValidateAsync(DatasetRef reference, CancellationToken cancellationToken = default)
    {
        var datasets = new DatasetService(workspace);
        var version = await datasets.ResolveAsync(reference, cancellationToken);
        var frame = await datasets.LoadFrameAsync(version, cancellationToken);
        return await ValidateAsync(version, frame, datasets.GetStatistics(version), cancellationToken);
    }

    /// <summary>Validates <paramref name="frame"/> (the loaded content of <paramref name="version"/>) and records the report.</summary>
    public async Task<ValidationReport> ValidateAsync(
        DatasetVersion version, Frame frame, IReadOnlyList<ColumnStatistics> statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var report = new DatasetValidator(options).Validate(version.Label, frame, statistics, workspace.Project?.Data);
        await using var db = workspace.Metadata.CreateContext();
        db.Add(new DatasetValidation
        {
            DatasetVersionId = version.Id,
            Passed = report.Passed,
            Failures = report.Failures,
            Warnings = report.Warnings,
            ReportJson = JsonSerializer.Serialize(report, ReportJson),
            ExpectationsHash = report.ExpectationsHash,
            CreatedAt = workspace.UtcNow,
            CreatedBy = workspace.Actor,
        });
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>The most recent stored validation of a version, or null when it was never validated.</summary>
    public async Task<DatasetValidation?> GetLatestAsync(long datasetVersionId, CancellationToken cancellationToken = default)
    {
        await using var db = workspace.Metadata.CreateContext();
        return await db.Set<DatasetValidation>()
            .Where(v => v.DatasetVersionId == datasetVersionId)
            .OrderByDescending(v => v.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Reads back the report a <see cref="DatasetValidation"/> stores.</summary>
    public static ValidationReport ReadReport(DatasetValidation stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<ValidationReport>(stored.ReportJson, ReportJson)
            ?? throw new InvalidOperationException($"Validation {stored.Id} has an empty report.");
    }
}
