namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Runs an asynchronous operation to the end on the calling thread: every continuation that resumes on the captured
/// context is run here, not on a thread-pool worker. The prediction log's writer blocks on its store anyway, and left
/// to the pool, the store's continuations (fsync, rename, the SQLite index commit, each up to several milliseconds on
/// a busy disk) held one of the few workers Kestrel answers requests on.
/// </summary>
internal sealed class CallingThreadContext : SynchronizationContext
{
    private readonly object _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private bool _done;

    private CallingThreadContext()
    {
    }

    /// <summary>Starts <paramref name="operation"/> here, runs its continuations here, and rethrows its failure.</summary>
    public static void Run(Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var previous = Current;
        var context = new CallingThreadContext();
        SetSynchronizationContext(context);
        try
        {
            var task = operation();
            task.ContinueWith(static (_, c) => ((CallingThreadContext)c!).Complete(), context, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (context.TryTake(out var work))
            {
                work.Callback(work.State);
            }

            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            if (!_done)
            {
                _queue.Enqueue((d, state));
                Monitor.Pulse(_gate);
                return;
            }
        }

        // Posted after the operation ended (by work it did not wait for): it still runs, on the pool.
        ThreadPool.QueueUserWorkItem(s => d(s), state, preferLocal: false);
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("This context runs posted work only.");

    public override SynchronizationContext CreateCopy() => this;

    private void Complete()
    {
        lock (_gate)
        {
            _done = true;
            Monitor.Pulse(_gate);
        }
    }

    private bool TryTake(out (SendOrPostCallback Callback, object? State) work)
    {
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                if (_done)
                {
                    work = default;
                    return false;
                }

                Monitor.Wait(_gate);
            }

            work = _queue.Dequeue();
            return true;
        }
    }
}
