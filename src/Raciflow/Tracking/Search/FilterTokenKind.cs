namespace Raciflow.Tracking.Search;

internal enum FilterTokenKind
{
    Identifier,
    String,
    Number,
    Operator,
    Comma,
    End,
}
