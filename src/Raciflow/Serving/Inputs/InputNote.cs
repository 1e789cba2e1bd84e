namespace Raciflow.Serving.Inputs;

/// <summary>An accepted value the model treats specially: outside the training range, or a category training never saw.</summary>
public sealed record InputNote(int Row, string Field, string Kind, string Message)
{
    public const string OutOfRange = "out-of-range";

    public const string UnseenCategory = "unseen-category";
}
