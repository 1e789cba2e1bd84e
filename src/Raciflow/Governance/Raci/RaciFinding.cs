namespace Raciflow.Governance.Raci;

/// <summary>One problem with a RACI matrix, the yaml key it concerns and a fix the user can apply.</summary>
/// <param name="Key">The raciflow.yaml key, e.g. <c>raci.eda</c> or <c>members</c>.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Fix">A concrete change that resolves it.</param>
public sealed record RaciFinding(string Key, string Problem, string Fix);
