using Raciflow.Monitoring.PredictionLog;

namespace Raciflow.Tests.Monitoring.PredictionLog;

public sealed class CallingThreadContextTests
{
    [Fact]
    public void ContinuationsAfterRealAwaitsRunOnTheCallingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var resumedOn = new List<int>();
        var ranElsewhere = 0;

        CallingThreadContext.Run(async () =>
        {
            await Task.Delay(5);
            resumedOn.Add(Environment.CurrentManagedThreadId);
            ranElsewhere = await Task.Run(() => Environment.CurrentManagedThreadId);
            resumedOn.Add(Environment.CurrentManagedThreadId);
            await Task.Yield();
            resumedOn.Add(Environment.CurrentManagedThreadId);
        });

        Assert.Equal([caller, caller, caller], resumedOn);
        Assert.NotEqual(caller, ranElsewhere);
    }

    [Fact]
    public void AFailureAfterAnAwaitIsRethrownAndThePreviousContextIsBack()
    {
        var before = SynchronizationContext.Current;

        var thrown = Assert.Throws<InvalidDataException>(() => CallingThreadContext.Run(async () =>
        {
            await Task.Delay(1);
            throw new InvalidDataException("disk full");
        }));

        Assert.Equal("disk full", thrown.Message);
        Assert.Same(before, SynchronizationContext.Current);
    }

    [Fact]
    public void AnOperationThatCompletesAtOnceReturnsWithoutWaiting()
    {
        var ran = false;

        CallingThreadContext.Run(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }
}
