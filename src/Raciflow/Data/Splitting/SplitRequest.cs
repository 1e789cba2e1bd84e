using Raciflow.Projects;

namespace Raciflow.Data.Splitting;

/// <summary>The fully resolved parameters of a split; the same request on the same version always yields the same rows.</summary>
public sealed record SplitRequest(double Train, double Validation, double Test, int Seed, string? Stratify)
{
    /// <summary>
    /// Fills what <paramref name="overrides"/> leaves open from <c>data.split</c>; stratifies on the target of a
    /// classification project unless a column is named or stratification is switched off.
    /// </summary>
    public static SplitRequest Resolve(DataConfig? data, Frame frame, SplitOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var config = data?.Split ?? new SplitConfig();
        string? stratify = null;
        if (!overrides.NoStratify)
        {
            stratify = overrides.Stratify ?? config.Stratify;
            if (string.IsNullOrWhiteSpace(stratify) && TargetColumn.Find(data, frame) is { IsClassification: true } target)
            {
                stratify = target.Column.Name;
            }
        }

        return new SplitRequest(
            overrides.Train ?? config.Train,
            overrides.Validation ?? config.Validation,
            overrides.Test ?? config.Test,
            overrides.Seed ?? config.Seed,
            string.IsNullOrWhiteSpace(stratify) ? null : stratify);
    }
}
