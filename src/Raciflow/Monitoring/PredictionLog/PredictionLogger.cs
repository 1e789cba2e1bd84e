using System.Collections.Concurrent;
using System.Collections.Frozen;
using Raciflow.Storage;
using Raciflow.Storage.Metadata;
using Raciflow.Workspaces;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Logs served predictions without slowing serving. <see cref="TryLog"/> lays a record out as columns of the batch
/// being filled, under a short lock, and never waits for I/O; a background writer takes full batches (and, after
/// the flush interval, part-filled ones) and writes them as Parquet files into the artifact store, indexed in the
/// metadata store. A record counts as logged (acknowledged) once it is written and indexed; <see cref="FlushAsync"/>
/// waits for that. Under overload records are sampled, then dropped, and counted. One per process (the server owns
/// it); dispose to write what is queued on shutdown.
/// </summary>
/// <remarks>
/// Copying the values at once is what keeps logging out of the request latency's tail: a record queued as objects
/// lived until the writer took it, so garbage collections found survivors and grew longer while every request
/// thread waited. Columns of numbers and characters leave nothing of a request alive after it.
/// </remarks>
public sealed class PredictionLogger : IAsyncDisposable
{
    /// <summary>How often the idle writer looks for a part-filled batch or a flush request it was not woken for.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly PredictionLogOptions _options;
    private readonly FrozenSet<string> _disabled;
    private readonly PredictionBatchWriter _batchWriter;
    private readonly TimeProvider _clock;
    private readonly int _highWater;
    private readonly ConcurrentQueue<TaskCompletionSource<PredictionLogCounters>> _flushRequests = new();
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);

    // Guarded by _gate: the batch records go into, full batches waiting for the writer, written ones to reuse.
    private readonly Lock _gate = new();
    private readonly Queue<PredictionBatch> _full = new();
    private readonly Stack<PredictionBatch> _spare = new();
    private PredictionBatch _filling = new();
    private bool _closed;

    // Records not yet taken by the writer (filling and full batches); written under _gate, read without it.
    private int _queued;
    private long _enqueued;
    private long _written;
    private long _dropped;
    private long _failed;
    private long _skipped;
    private long _overloadTick;
    private Exception? _lastError;

    public PredictionLogger(IArtifactStore artifacts, MetadataStore metadata, TimeProvider clock, PredictionLogOptions? options = null)
    {
        _options = options ?? new PredictionLogOptions();
        _options.Validate();
        _clock = clock;
        _disabled = _options.DisabledModels.ToFrozenSet(StringComparer.Ordinal);
        _highWater = Math.Max(1, (int)Math.Ceiling(_options.QueueCapacity * _options.OverloadHighWater));
        _batchWriter = new PredictionBatchWriter(artifacts, metadata, clock, _options);
        new Thread(RunWriter) { IsBackground = true, Name = "Raciflow prediction log writer" }.Start();
    }

    public PredictionLogger(Workspace workspace, PredictionLogOptions? options = null)
        : this(workspace.Artifacts, workspace.Metadata, workspace.Clock, options)
    {
    }

    public PredictionLogOptions Options => _options;

    public PredictionLogCounters Counters => new(
        Interlocked.Read(ref _enqueued),
        Interlocked.Read(ref _written),
        Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _skipped));

    /// <summary>The last write failure (after retries), for health pages; null while every write succeeded.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    public bool IsEnabled(string model) => !_disabled.Contains(model);

    /// <summary>
    /// Adds a record to the batch being filled; never waits for I/O. False when the model's logging is off
    /// (skipped), when the queue is over its high-water mark or full, or the logger is disposed (dropped), or when
    /// a value of the record cannot be read (failed); each is counted.
    /// </summary>
    public bool TryLog(PredictionRecord record)
    {
        if (_disabled.Count != 0 && _disabled.Contains(record.Model))
        {
            Interlocked.Increment(ref _skipped);
            return false;
        }

        // Over the high-water mark keep one record in N so a burst leaves a sample of itself, not only its head.
        if (Volatile.Read(ref _queued) >= _highWater && Interlocked.Increment(ref _overloadTick) % _options.OverloadKeepEvery != 0)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        bool handedOver;
        lock (_gate)
        {
            if (_closed || _queued >= _options.QueueCapacity)
            {
                Interlocked.Increment(ref _dropped);
                return false;
            }

            // Counted under the lock, so the writer can never have written a record not yet counted as enqueued.
            Interlocked.Increment(ref _enqueued);
            try
            {
                _filling.Add(record);
            }
            catch (Exception ex)
            {
                // A record whose values cannot be read adds nothing; it never fails the request.
                Interlocked.Increment(ref _failed);
                Volatile.Write(ref _lastError, ex);
                return false;
            }

            Volatile.Write(ref _queued, _queued + 1);
            handedOver = _filling.Count >= _options.BatchSize;
            if (handedOver)
            {
                HandOverFilling();
            }
        }

        // One wake-up per full batch, not per record: the writer otherwise finds work by polling.
        if (handedOver)
        {
            _wake.Set();
        }

        return true;
    }

    /// <summary>
    /// Returns once every record enqueued before the call is written and indexed, or counted as failed; the
    /// counters it returns say which.
    /// </summary>
    public Task<PredictionLogCounters> FlushAsync(CancellationToken cancellationToken = default)
    {
        var request = new TaskCompletionSource<PredictionLogCounters>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_writerDone.Task.IsCompleted)
        {
            return Task.FromResult(Counters);
        }

        _flushRequests.Enqueue(request);
        _wake.Set();
        if (_writerDone.Task.IsCompleted)
        {
            // The writer finished between the check above and the enqueue; nobody else will answer.
            Answer(TakeFlushRequests());
        }

        return request.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting records, writes everything queued and waits for the writer to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _closed = true;
        }

        _wake.Set();
        await _writerDone.Task;
    }

    /// <summary>
    /// The writer's own thread. Encoding a batch takes milliseconds of CPU; on a thread of its own the OS
    /// time-slices it against the request threads instead of it holding one of the few thread-pool workers that
    /// Kestrel serves requests on.
    /// </summary>
    private void RunWriter()
    {
        try
        {
            WriteUntilClosed();
        }
        finally
        {
            // Done first, then answer: a request posted after this drain sees the writer done and answers itself.
            _writerDone.TrySetResult();
            Answer(TakeFlushRequests());
        }
    }

    private void WriteUntilClosed()
    {
        DateTimeOffset? deadline = null;
        while (true)
        {
            // Flush requests are taken before the batches, so every record acknowledged before one was posted is
            // in what is taken next.
            var requests = TakeFlushRequests();
            var everything = requests.Count > 0 || (deadline is { } due && _clock.GetUtcNow() >= due);
            var (batches, closed, filling) = TakeBatches(everything);
            foreach (var batch in batches)
            {
                WriteBatch(batch);
            }

            Answer(requests);
            if (closed && batches.Count == 0)
            {
                // Closed and nothing left (TakeBatches takes the part-filled batch too once closed): the batches'
                // buffers go back to the shared pool.
                ReleaseBatches();
                return;
            }

            if (everything || closed)
            {
                deadline = null;
            }

            if (batches.Count > 0)
            {
                continue;
            }

            deadline = filling ? deadline ?? _clock.GetUtcNow() + _options.FlushInterval : null;
            var wait = deadline is { } next ? Clamp(next - _clock.GetUtcNow()) : PollInterval;
            _wake.Wait(wait);
            _wake.Reset();
        }
    }

    private static TimeSpan Clamp(TimeSpan untilDeadline) =>
        untilDeadline <= TimeSpan.Zero ? TimeSpan.Zero : untilDeadline < PollInterval ? untilDeadline : PollInterval;

    /// <summary>
    /// The full batches, with the part-filled one too when <paramref name="everything"/> or once closed; whether
    /// the logger is closed, and whether a part-filled batch is left.
    /// </summary>
    private (List<PredictionBatch> Batches, bool Closed, bool Filling) TakeBatches(bool everything)
    {
        var batches = new List<PredictionBatch>();
        lock (_gate)
        {
            if ((everything || _closed) && _filling.Count > 0)
            {
                HandOverFilling();
            }

            while (_full.TryDequeue(out var batch))
            {
                batches.Add(batch);
                Volatile.Write(ref _queued, _queued - batch.Count);
            }

            return (batches, _closed, _filling.Count > 0);
        }
    }

    /// <summary>Queues the batch being filled for the writer and starts a reused (or new) one; under the lock.</summary>
    private void HandOverFilling()
    {
        _full.Enqueue(_filling);
        _filling = _spare.TryPop(out var spare) ? spare : new PredictionBatch();
    }

    private void ReleaseBatches()
    {
        lock (_gate)
        {
            _filling.Dispose();
            while (_spare.TryPop(out var batch))
            {
                batch.Dispose();
            }
        }
    }

    private List<TaskCompletionSource<PredictionLogCounters>> TakeFlushRequests()
    {
        var requests = new List<TaskCompletionSource<PredictionLogCounters>>();
        while (_flushRequests.TryDequeue(out var request))
        {
            requests.Add(request);
        }

        return requests;
    }

    private void Answer(List<TaskCompletionSource<PredictionLogCounters>> requests)
    {
        if (requests.Count > 0)
        {
            var counters = Counters;
            requests.ForEach(r => r.TrySetResult(counters));
        }
    }

    /// <summary>
    /// Encodes on this thread, then waits for the store and the index: blocking is this thread's job. The emptied
    /// batch goes back for reuse.
    /// </summary>
    private void WriteBatch(PredictionBatch batch)
    {
        try
        {
            var (written, failed, error) = _batchWriter.Write(batch);
            Interlocked.Add(ref _written, written);
            Interlocked.Add(ref _failed, failed);
            if (error is not null)
            {
                Volatile.Write(ref _lastError, error);
            }
        }
        catch (Exception ex)
        {
            // Never let the writer die: what could not be written is counted, the next batch tries again.
            Interlocked.Add(ref _failed, batch.Count);
            Volatile.Write(ref _lastError, ex);
        }

        batch.Clear();
        lock (_gate)
        {
            _spare.Push(batch);
        }
    }
}
