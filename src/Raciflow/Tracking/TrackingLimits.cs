namespace Raciflow.Tracking;

/// <summary>Sizes the tracking store enforces, checked before writing so errors name the field instead of a column.</summary>
public static class TrackingLimits
{
    public const int NameLength = 200;
    public const int KeyLength = 250;
    public const int ParamValueLength = 6000;
    public const int TagValueLength = 8000;
    public const int PathLength = 1000;
    public const int MaxBatchItems = 100_000;
}
