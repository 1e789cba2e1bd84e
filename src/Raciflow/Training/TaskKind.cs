namespace Raciflow.Training;

/// <summary>What a model predicts: a number, one of two classes, or one of several.</summary>
public enum TaskKind
{
    Regression,
    Binary,
    Multiclass,
}
