using Raciflow.Registry;
using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Serving;

/// <summary>A fully loaded model version, ready to predict; immutable, so a request holding it is never affected by a swap.</summary>
public sealed class ServedModel
{
    private SignatureValidator? _validator;

    public ServedModel(string name, int version, ModelSignature signature, IPredictor predictor, DateTime loadedAt)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(predictor);
        Name = name;
        Version = version;
        Signature = signature;
        Predictor = predictor;
        LoadedAt = loadedAt;
    }

    /// <summary>A tabular bundle (what the registry holds), predicted by <see cref="BundlePredictor"/>.</summary>
    public static ServedModel FromBundle(string name, int version, ModelBundle bundle, ModelSignature signature, DateTime loadedAt) =>
        new(name, version, signature, new BundlePredictor(bundle, signature), loadedAt);

    public string Name { get; }

    public int Version { get; }

    public ModelSignature Signature { get; }

    public IPredictor Predictor { get; }

    public DateTime LoadedAt { get; }

    public string Label => $"{Name}@{Version}";

    /// <summary>The bundle of a tabular model; null for another kind of predictor.</summary>
    public ModelBundle? Bundle => (Predictor as BundlePredictor)?.Bundle;

    /// <summary>The signature's checks (the web form renders its fields from them); the predictor's own for a bundle.</summary>
    public SignatureValidator Validator => (Predictor as BundlePredictor)?.Validator ?? (_validator ??= new SignatureValidator(Signature));
}
