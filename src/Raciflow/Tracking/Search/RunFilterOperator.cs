namespace Raciflow.Tracking.Search;

/// <summary>A comparison in a filter clause.</summary>
public enum RunFilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>SQL LIKE with % and _ wildcards, case-sensitive.</summary>
    Like,

    /// <summary>LIKE, ignoring case.</summary>
    ILike,
}
