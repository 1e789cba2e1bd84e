namespace Raciflow.Tests.Monitoring;

/// <summary>A clock that stands still until moved, so stored keys and report times are known in advance.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
