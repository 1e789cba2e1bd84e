namespace Raciflow.Tests.Support;

/// <summary>
/// Tests that run the CLI in-process redirect the process-wide Console, so they must not overlap with each
/// other or with anything else: they share this collection, which runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
