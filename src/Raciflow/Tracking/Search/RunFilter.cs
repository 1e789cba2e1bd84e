using System.Globalization;

namespace Raciflow.Tracking.Search;

/// <summary>
/// A parsed run filter: comparisons joined by <c>and</c>, as in MLflow's search syntax, e.g.
/// <c>metrics.r2 &gt; 0.8 and params.algorithm = 'lasso' and tags.x != 'y' and status = 'finished'</c>.
/// Metrics compare numbers (= != &lt; &lt;= &gt; &gt;=); params, tags and text attributes compare text (= != like ilike).
/// </summary>
public sealed class RunFilter
{
    private const string What = "filter";

    private RunFilter(IReadOnlyList<RunFilterClause> clauses) => Clauses = clauses;

    public static RunFilter Empty { get; } = new([]);

    public IReadOnlyList<RunFilterClause> Clauses { get; }

    /// <summary>Parses <paramref name="text"/>; a mistake is an invalid-input error naming its position.</summary>
    public static RunFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var tokens = FilterLexer.Tokenize(text, What);
        var clauses = new List<RunFilterClause>();
        var i = 0;
        while (true)
        {
            clauses.Add(ParseClause(text, tokens, ref i));
            var next = tokens[i];
            if (next.Kind == FilterTokenKind.End)
            {
                return new RunFilter(clauses);
            }

            if (!next.IsWord("and"))
            {
                var hint = next.IsWord("or") ? "'or' is not supported; run two searches instead" : $"expected 'and' or the end, found {next.Describe()}";
                throw FilterLexer.Error(What, text, next.Position, hint);
            }

            i++;
        }
    }

    private static RunFilterClause ParseClause(string text, List<FilterToken> tokens, ref int i)
    {
        var subjectToken = tokens[i];
        if (subjectToken.Kind != FilterTokenKind.Identifier)
        {
            throw FilterLexer.Error(What, text, subjectToken.Position, $"expected metrics.KEY, params.KEY, tags.KEY or an attribute ({string.Join(", ", RunAttributes.All)}), found {subjectToken.Describe()}");
        }

        var (subject, key) = RunFieldName.Parse(subjectToken, text, What);
        i++;
        var opToken = tokens[i];
        var op = ParseOperator(opToken) ?? throw FilterLexer.Error(What, text, opToken.Position, $"expected a comparison (=, !=, <, <=, >, >=, like, ilike) after '{subjectToken.Text}', found {opToken.Describe()}");
        i++;
        var valueToken = tokens[i];
        if (valueToken.Kind is not (FilterTokenKind.String or FilterTokenKind.Number))
        {
            throw FilterLexer.Error(What, text, valueToken.Position, $"expected a number or a quoted text after '{opToken.Text}', found {valueToken.Describe()}");
        }

        i++;
        return Check(text, new RunFilterClause(subject, key, op, valueToken.Text, ParseNumber(text, valueToken), subjectToken.Position), opToken, valueToken);
    }

    private static RunFilterOperator? ParseOperator(FilterToken token) => token switch
    {
        { Kind: FilterTokenKind.Operator, Text: "=" or "==" } => RunFilterOperator.Equal,
        { Kind: FilterTokenKind.Operator, Text: "!=" or "<>" } => RunFilterOperator.NotEqual,
        { Kind: FilterTokenKind.Operator, Text: "<" } => RunFilterOperator.Less,
        { Kind: FilterTokenKind.Operator, Text: "<=" } => RunFilterOperator.LessOrEqual,
        { Kind: FilterTokenKind.Operator, Text: ">" } => RunFilterOperator.Greater,
        { Kind: FilterTokenKind.Operator, Text: ">=" } => RunFilterOperator.GreaterOrEqual,
        _ when token.IsWord("like") => RunFilterOperator.Like,
        _ when token.IsWord("ilike") => RunFilterOperator.ILike,
        _ => null,
    };

    private static double? ParseNumber(string text, FilterToken token)
    {
        if (token.Kind != FilterTokenKind.Number)
        {
            return null;
        }

        return double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw FilterLexer.Error(What, text, token.Position, $"'{token.Text}' is not a number");
    }

    // Type rules: metrics and numeric attributes take numbers; text fields take text comparisons; times take ISO dates.
    private static RunFilterClause Check(string text, RunFilterClause clause, FilterToken opToken, FilterToken valueToken)
    {
        var isOrdering = clause.Operator is RunFilterOperator.Less or RunFilterOperator.LessOrEqual or RunFilterOperator.Greater or RunFilterOperator.GreaterOrEqual;
        var isPattern = clause.Operator is RunFilterOperator.Like or RunFilterOperator.ILike;
        var numeric = clause.Subject == RunFilterSubject.Metric || (clause.Subject == RunFilterSubject.Attribute && RunAttributes.IsNumeric(clause.Key));
        var time = clause.Subject == RunFilterSubject.Attribute && RunAttributes.IsTime(clause.Key);
        if (numeric)
        {
            if (isPattern)
            {
                throw FilterLexer.Error(What, text, opToken.Position, $"'{opToken.Text}' compares text, but {Name(clause)} is a number");
            }

            if (clause.Number is null)
            {
                throw FilterLexer.Error(What, text, valueToken.Position, $"{Name(clause)} is a number, so compare it with a number, not '{valueToken.Text}'");
            }
        }
        else if (time)
        {
            if (isPattern)
            {
                throw FilterLexer.Error(What, text, opToken.Position, $"'{opToken.Text}' compares text, but {Name(clause)} is a time");
            }

            if (!DateTime.TryParse(valueToken.Text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
            {
                throw FilterLexer.Error(What, text, valueToken.Position, $"{Name(clause)} is a time, so compare it with an ISO 8601 text such as '2026-01-31T12:00:00Z', not '{valueToken.Text}'");
            }
        }
        else if (isOrdering)
        {
            throw FilterLexer.Error(What, text, opToken.Position, $"'{opToken.Text}' compares numbers, but {Name(clause)} is text (use =, !=, like or ilike)");
        }

        if (clause is { Subject: RunFilterSubject.Attribute, Key: RunAttributes.Status } && !Enum.TryParse<RunStatus>(clause.Text, ignoreCase: true, out _))
        {
            throw FilterLexer.Error(What, text, valueToken.Position, $"'{valueToken.Text}' is not a run status (running, finished, failed, killed)");
        }

        return clause;
    }

    private static string Name(RunFilterClause clause) => clause.Subject switch
    {
        RunFilterSubject.Metric => "metrics." + clause.Key,
        RunFilterSubject.Param => "params." + clause.Key,
        RunFilterSubject.Tag => "tags." + clause.Key,
        _ => clause.Key,
    };
}
