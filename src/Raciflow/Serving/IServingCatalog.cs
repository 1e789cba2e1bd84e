namespace Raciflow.Serving;

/// <summary>Where served models come from: the registry of a workspace, or a single bundle in a container.</summary>
public interface IServingCatalog
{
    /// <summary>Every alias of every model and the version it points at now.</summary>
    Task<IReadOnlyDictionary<ServedAlias, int>> ReadAliasesAsync(CancellationToken cancellationToken);

    /// <summary>Loads a version completely (bundle read and deserialised); throws NotFound for an unknown one.</summary>
    Task<ServedModel> LoadAsync(string model, int version, CancellationToken cancellationToken);
}
