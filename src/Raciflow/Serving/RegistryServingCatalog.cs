using Microsoft.EntityFrameworkCore;
using Raciflow.Registry;
using Raciflow.Workspaces;

namespace Raciflow.Serving;

/// <summary>Serves the models of a workspace's registry.</summary>
public sealed class RegistryServingCatalog(Workspace workspace) : IServingCatalog
{
    public async Task<IReadOnlyDictionary<ServedAlias, int>> ReadAliasesAsync(CancellationToken cancellationToken)
    {
        await using var db = workspace.Metadata.CreateContext();
        var rows = await (from a in db.Set<ModelAlias>().AsNoTracking()
                          join v in db.Set<ModelVersion>().AsNoTracking() on a.VersionId equals v.Id
                          join m in db.Set<RegisteredModel>().AsNoTracking() on a.ModelId equals m.Id
                          select new { m.Name, a.Alias, v.Number }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => new ServedAlias(r.Name, r.Alias), r => r.Number);
    }

    public async Task<ServedModel> LoadAsync(string model, int version, CancellationToken cancellationToken)
    {
        var registry = new ModelRegistry(workspace);
        var details = await registry.GetAsync(ModelRef.ForVersion(model, version), cancellationToken);
        var bundle = await registry.LoadBundleAsync(details, cancellationToken);
        return ServedModel.FromBundle(details.Model, details.Version, bundle, details.Signature, workspace.UtcNow);
    }
}
