namespace Raciflow.Tracking;

/// <summary>One param across compared runs (null where a run lacks it); <see cref="Differs"/> flags rows worth reading.</summary>
public sealed record ParamComparisonRow(string Key, IReadOnlyList<string?> Values)
{
    public bool Differs => Values.Distinct().Skip(1).Any();
}
