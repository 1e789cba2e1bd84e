namespace Raciflow.Governance.Raci;

/// <summary>One lifecycle task of the RACI matrix, e.g. <c>experiment</c>.</summary>
/// <param name="Name">The key used in raciflow.yaml and in the action table.</param>
/// <param name="Title">A short human title.</param>
public sealed record LifecycleTask(string Name, string Title);
