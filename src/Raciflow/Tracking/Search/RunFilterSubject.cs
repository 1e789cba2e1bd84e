namespace Raciflow.Tracking.Search;

/// <summary>What a filter clause or sort key looks at.</summary>
public enum RunFilterSubject
{
    /// <summary><c>metrics.KEY</c>: the run's latest value of a metric.</summary>
    Metric,

    /// <summary><c>params.KEY</c>.</summary>
    Param,

    /// <summary><c>tags.KEY</c>.</summary>
    Tag,

    /// <summary>A column of the run itself: status, name, user, parent_run_id, git_commit, dataset_version_id, start_time, end_time.</summary>
    Attribute,
}
