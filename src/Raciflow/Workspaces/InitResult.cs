namespace Raciflow.Workspaces;

/// <summary>What <c>raciflow init</c> did.</summary>
public sealed record InitResult(string Directory, string ProjectFile, bool ProjectFileCreated, string Store, string Artifacts);
