using Raciflow.Serving.Batch;

namespace Raciflow.Serving;

/// <summary>A predictor that can also score a whole file into another (batch scoring, <c>raciflow predict</c>).</summary>
public interface IFilePredictor
{
    Task<BatchScoringResult> ScoreFileAsync(string inputPath, string outputPath, IProgress<double>? progress, CancellationToken cancellationToken);
}
