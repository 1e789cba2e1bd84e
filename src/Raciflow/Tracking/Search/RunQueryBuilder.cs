using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Raciflow.Tracking.Search;

/// <summary>Turns a parsed filter and sort into an EF Core query, so the database does the searching on both providers.</summary>
internal static class RunQueryBuilder
{
    public static IQueryable<Run> Where(IQueryable<Run> runs, RunFilter filter) =>
        filter.Clauses.Aggregate(runs, (query, clause) => query.Where(Predicate(clause)));

    public static IQueryable<Run> OrderBy(IQueryable<Run> runs, RunOrder order)
    {
        IOrderedQueryable<Run>? ordered = null;
        foreach (var key in order.Keys)
        {
            ordered = key.Subject switch
            {
                RunFilterSubject.Metric => ThenBy(runs, ThenBy(runs, ordered, MetricMissing(key.Key), descending: false), MetricValue(key.Key), key.Descending),
                RunFilterSubject.Param => ThenBy(runs, ThenBy(runs, ordered, ParamMissing(key.Key), descending: false), ParamValue(key.Key), key.Descending),
                RunFilterSubject.Tag => ThenBy(runs, ThenBy(runs, ordered, TagMissing(key.Key), descending: false), TagValue(key.Key), key.Descending),
                _ => AttributeOrder(runs, ordered, key),
            };
        }

        // A stable tie-break keeps pages consistent.
        return ThenBy(runs, ordered, r => r.Id, descending: false);
    }

    private static Expression<Func<Run, bool>> Predicate(RunFilterClause c)
    {
        var key = c.Key;
        var text = c.Text;
        var number = c.Number ?? 0;
        return c.Subject switch
        {
            RunFilterSubject.Metric => c.Operator switch
            {
                RunFilterOperator.Equal => r => r.LatestMetrics.Any(m => m.Key == key && m.Value == number),
                RunFilterOperator.NotEqual => r => r.LatestMetrics.Any(m => m.Key == key && m.Value != number),
                RunFilterOperator.Less => r => r.LatestMetrics.Any(m => m.Key == key && m.Value < number),
                RunFilterOperator.LessOrEqual => r => r.LatestMetrics.Any(m => m.Key == key && m.Value <= number),
                RunFilterOperator.Greater => r => r.LatestMetrics.Any(m => m.Key == key && m.Value > number),
                _ => r => r.LatestMetrics.Any(m => m.Key == key && m.Value >= number),
            },
            RunFilterSubject.Param => c.Operator switch
            {
                RunFilterOperator.Equal => r => r.Params.Any(p => p.Key == key && p.Value == text),
                RunFilterOperator.NotEqual => r => r.Params.Any(p => p.Key == key && p.Value != text),
                RunFilterOperator.Like => r => r.Params.Any(p => p.Key == key && EF.Functions.Like(p.Value, text)),
                _ => r => r.Params.Any(p => p.Key == key && EF.Functions.Like(p.Value.ToLower(), text.ToLower())),
            },
            RunFilterSubject.Tag => c.Operator switch
            {
                RunFilterOperator.Equal => r => r.Tags.Any(t => t.Key == key && t.Value == text),
                RunFilterOperator.NotEqual => r => r.Tags.Any(t => t.Key == key && t.Value != text),
                RunFilterOperator.Like => r => r.Tags.Any(t => t.Key == key && EF.Functions.Like(t.Value, text)),
                _ => r => r.Tags.Any(t => t.Key == key && EF.Functions.Like(t.Value.ToLower(), text.ToLower())),
            },
            _ => AttributePredicate(c),
        };
    }

    private static Expression<Func<Run, bool>> AttributePredicate(RunFilterClause c)
    {
        switch (c.Key)
        {
            case RunAttributes.Status:
                var status = Enum.Parse<RunStatus>(c.Text, ignoreCase: true);
                return c.Operator == RunFilterOperator.NotEqual ? r => r.Status != status : r => r.Status == status;
            case RunAttributes.DatasetVersionId:
                var id = (long)(c.Number ?? 0);
                return Compare(c.Operator, r => r.DatasetVersionId, (long?)id);
            case RunAttributes.StartTime:
                return Compare(c.Operator, r => r.StartTime, Time(c.Text));
            case RunAttributes.EndTime:
                return Compare(c.Operator, r => r.EndTime, (DateTime?)Time(c.Text));
            default:
                return TextPredicate(c.Key, c.Operator, c.Text);
        }
    }

    private static Expression<Func<Run, bool>> TextPredicate(string attribute, RunFilterOperator op, string text)
    {
        Expression<Func<Run, string?>> field = attribute switch
        {
            RunAttributes.Name => r => r.Name,
            RunAttributes.User => r => r.StartedBy,
            RunAttributes.ParentRunId => r => r.ParentRunId,
            _ => r => r.GitCommit,
        };
        var value = Expression.Constant(text, typeof(string));
        Expression body = op switch
        {
            RunFilterOperator.Equal => Expression.Equal(field.Body, value),
            RunFilterOperator.NotEqual => Expression.NotEqual(field.Body, value),
            RunFilterOperator.Like => Like(field.Body, value),
            _ => Like(Lower(field.Body), Lower(value)),
        };
        return Expression.Lambda<Func<Run, bool>>(body, field.Parameters);
    }

    private static Expression Like(Expression value, Expression pattern) =>
        Expression.Call(
            typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!,
            Expression.Constant(EF.Functions),
            value,
            pattern);

    private static Expression Lower(Expression value) => Expression.Call(value, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);

    private static Expression<Func<Run, bool>> Compare<T>(RunFilterOperator op, Expression<Func<Run, T>> field, T value)
    {
        var constant = Expression.Constant(value, typeof(T));
        Expression body = op switch
        {
            RunFilterOperator.Equal => Expression.Equal(field.Body, constant),
            RunFilterOperator.NotEqual => Expression.NotEqual(field.Body, constant),
            RunFilterOperator.Less => Expression.LessThan(field.Body, constant),
            RunFilterOperator.LessOrEqual => Expression.LessThanOrEqual(field.Body, constant),
            RunFilterOperator.Greater => Expression.GreaterThan(field.Body, constant),
            _ => Expression.GreaterThanOrEqual(field.Body, constant),
        };
        return Expression.Lambda<Func<Run, bool>>(body, field.Parameters);
    }

    private static DateTime Time(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static IOrderedQueryable<Run> AttributeOrder(IQueryable<Run> runs, IOrderedQueryable<Run>? ordered, RunOrderKey key) => key.Key switch
    {
        RunAttributes.StartTime => ThenBy(runs, ordered, r => r.StartTime, key.Descending),
        RunAttributes.EndTime => ThenBy(runs, ThenBy(runs, ordered, r => r.EndTime == null ? 1 : 0, descending: false), r => r.EndTime, key.Descending),
        RunAttributes.Status => ThenBy(runs, ordered, r => r.Status, key.Descending),
        RunAttributes.User => ThenBy(runs, ordered, r => r.StartedBy, key.Descending),
        RunAttributes.DatasetVersionId => ThenBy(runs, ordered, r => r.DatasetVersionId, key.Descending),
        RunAttributes.ParentRunId => ThenBy(runs, ordered, r => r.ParentRunId, key.Descending),
        RunAttributes.GitCommit => ThenBy(runs, ordered, r => r.GitCommit, key.Descending),
        _ => ThenBy(runs, ordered, r => r.Name, key.Descending),
    };

    // Runs lacking the key sort last whichever the direction, on both providers (their NULL orders differ).
    private static Expression<Func<Run, int>> MetricMissing(string key) => r => r.LatestMetrics.Any(m => m.Key == key) ? 0 : 1;

    private static Expression<Func<Run, double?>> MetricValue(string key) => r => r.LatestMetrics.Where(m => m.Key == key).Select(m => (double?)m.Value).Max();

    private static Expression<Func<Run, int>> ParamMissing(string key) => r => r.Params.Any(p => p.Key == key) ? 0 : 1;

    private static Expression<Func<Run, string?>> ParamValue(string key) => r => r.Params.Where(p => p.Key == key).Select(p => p.Value).Max();

    private static Expression<Func<Run, int>> TagMissing(string key) => r => r.Tags.Any(t => t.Key == key) ? 0 : 1;

    private static Expression<Func<Run, string?>> TagValue(string key) => r => r.Tags.Where(t => t.Key == key).Select(t => t.Value).Max();

    private static IOrderedQueryable<Run> ThenBy<TKey>(IQueryable<Run> runs, IOrderedQueryable<Run>? ordered, Expression<Func<Run, TKey>> key, bool descending) =>
        (ordered, descending) switch
        {
            (null, false) => runs.OrderBy(key),
            (null, true) => runs.OrderByDescending(key),
            (_, false) => ordered.ThenBy(key),
            _ => ordered.ThenByDescending(key),
        };
}
