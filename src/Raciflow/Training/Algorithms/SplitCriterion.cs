namespace Raciflow.Training.Algorithms;

/// <summary>The impurity a CART split minimises: squared error for regression, Gini or entropy for classification.</summary>
public enum SplitCriterion
{
    SquaredError,
    Gini,
    Entropy,
}
