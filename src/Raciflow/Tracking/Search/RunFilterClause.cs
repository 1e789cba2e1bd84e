namespace Raciflow.Tracking.Search;

/// <summary>One comparison of a filter, e.g. <c>metrics.r2 &gt; 0.8</c>. <see cref="Position"/> is 1-based, for messages.</summary>
public sealed record RunFilterClause(RunFilterSubject Subject, string Key, RunFilterOperator Operator, string Text, double? Number, int Position);
