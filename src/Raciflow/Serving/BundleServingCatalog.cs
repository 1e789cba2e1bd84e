using Raciflow.Registry;
using Raciflow.Training;

namespace Raciflow.Serving;

/// <summary>
/// Serve-only mode (a container): one bundle file served as MODEL@VERSION and as its production alias, with no
/// metadata store. The signature is read from <c>signature.json</c> beside the bundle when present (the package
/// writes it), else derived from the bundle's input schema without training ranges.
/// </summary>
public sealed class BundleServingCatalog : IServingCatalog
{
    private readonly ServedModel _model;

    public BundleServingCatalog(string bundlePath, string model, int version, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ModelName.Validate(model, "--model");
        if (!File.Exists(bundlePath))
        {
            throw RaciflowException.NotFound($"Model bundle '{bundlePath}' does not exist.");
        }

        ModelBundle bundle;
        using (var stream = File.OpenRead(bundlePath))
        {
            bundle = ModelBundle.Load(stream, AlgorithmCatalog.CreateDefault());
        }

        var signaturePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(bundlePath))!, "signature.json");
        var signature = File.Exists(signaturePath)
            ? ModelSignature.FromJson(File.ReadAllText(signaturePath))
            : ModelSignatureBuilder.Build(bundle, new Data.Frame([]));
        _model = ServedModel.FromBundle(model, version, bundle, signature, clock.GetUtcNow().UtcDateTime);
    }

    public Task<IReadOnlyDictionary<ServedAlias, int>> ReadAliasesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<ServedAlias, int>>(new Dictionary<ServedAlias, int> { [new ServedAlias(_model.Name, ModelAliases.Production)] = _model.Version });

    public Task<ServedModel> LoadAsync(string model, int version, CancellationToken cancellationToken) =>
        model == _model.Name && version == _model.Version
            ? Task.FromResult(_model)
            : throw RaciflowException.NotFound($"This server serves only {_model.Label}; there is no {model}@{version}.");
}
