namespace Raciflow.Training.Tuning;

/// <summary>How a hyperparameter's values are drawn.</summary>
public enum HyperparameterKind
{
    Integer,
    Real,
    Choice,
}
