namespace Raciflow.Projects;

/// <summary>A declared expectation on one column; every field set is checked.</summary>
public sealed class ExpectationConfig
{
    public string Column { get; set; } = string.Empty;

    /// <summary>Expected column type (numeric, integer, boolean, categorical, datetime, text).</summary>
    public string? Type { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    /// <summary>Values allowed in the column (categorical).</summary>
    public List<string>? Allowed { get; set; }

    /// <summary>Largest allowed fraction of missing values, 0–1.</summary>
    public double? MaxMissing { get; set; }

    public bool? Unique { get; set; }

    /// <summary>False to expect the column absent; default present.</summary>
    public bool Present { get; set; } = true;
}
