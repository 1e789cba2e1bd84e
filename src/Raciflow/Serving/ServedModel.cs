using Raciflow.Registry;
using Raciflow.Serving.Inputs;
using Raciflow.Training;

namespace Raciflow.Serving;

/// <summary>A fully loaded model version, ready to predict; immutable, so a request holding it is never affected by a swap.</summary>
public sealed record ServedModel(string Name, int Version, ModelBundle Bundle, ModelSignature Signature, DateTime LoadedAt)
{
    public string Label => $"{Name}@{Version}";

    /// <summary>Built once per loaded version: every request is checked against it.</summary>
    public SignatureValidator Validator { get; } = new(Signature);
}
