namespace Raciflow.Packaging.Onnx;

/// <summary>Whether a bundle was exported to ONNX, and if not, why ("algorithm knn: not supported because …").</summary>
public sealed record OnnxExportResult(bool Exported, string? Reason)
{
    public static OnnxExportResult Success { get; } = new(true, null);

    public static OnnxExportResult NotSupported(string reason) => new(false, reason);
}
