namespace Raciflow.Tests.Tracking;

/// <summary>Tests that redirect Console.Out must not overlap with each other or with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrackingCliCollection
{
    public const string Name = "Tracking CLI (console)";
}
