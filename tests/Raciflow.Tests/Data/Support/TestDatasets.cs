using Raciflow.Data;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Data.Support;

/// <summary>Records a dataset version row directly, so stored validations and splits have a version to belong to.</summary>
public static class TestDatasets
{
    public static async Task<DatasetVersion> AddVersionAsync(Workspace workspace, string name, Frame frame, string hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
    {
        var dataset = new Dataset { Name = name, CreatedAt = workspace.UtcNow, CreatedBy = workspace.Actor };
        var version = new DatasetVersion
        {
            Dataset = dataset,
            Number = 1,
            Hash = hash,
            SourceName = name + ".csv",
            SourceFormat = "csv",
            RowCount = frame.RowCount,
            ColumnCount = frame.Columns.Count,
            SchemaJson = "{}",
            StatisticsJson = "[]",
            DataKey = "datasets/none",
            SourceKey = "sources/none",
            CreatedAt = workspace.UtcNow,
            CreatedBy = workspace.Actor,
        };
        dataset.Versions.Add(version);
        await using var db = workspace.Metadata.CreateContext();
        db.Add(dataset);
        await db.SaveChangesAsync();
        return version;
    }
}
