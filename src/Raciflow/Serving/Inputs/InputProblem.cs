namespace Raciflow.Serving.Inputs;

/// <summary>Why a request value cannot reach the model; <see cref="Field"/> is a path such as <c>instances[2].lunch</c>.</summary>
public readonly record struct InputProblem(string Field, string Message);
