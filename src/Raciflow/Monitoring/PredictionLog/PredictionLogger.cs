using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Threading.Channels;
using Raciflow.Storage;
using Raciflow.Storage.Metadata;
using Raciflow.Workspaces;

namespace Raciflow.Monitoring.PredictionLog;

/// <summary>
/// Logs served predictions without slowing serving: <see cref="TryLog"/> only offers a record to a bounded queue
/// and never waits; a background writer drains the queue in batches into Parquet files in the artifact store,
/// indexed in the metadata store. A record counts as logged (acknowledged) once it is written and indexed;
/// <see cref="FlushAsync"/> waits for that. Under overload records are sampled, then dropped, and counted.
/// One per process (the server owns it); dispose to drain the queue on shutdown.
/// </summary>
public sealed class PredictionLogger : IAsyncDisposable
{
    /// <summary>How often the idle or filling writer looks at the queue: at 30,000 records/s about 1,500 a look.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Channel<PredictionRecord> _queue;
    private readonly PredictionLogOptions _options;
    private readonly FrozenSet<string> _disabled;
    private readonly PredictionBatchWriter _batchWriter;
    private readonly TimeProvider _clock;
    private readonly int _highWater;
    private readonly ConcurrentQueue<TaskCompletionSource<PredictionLogCounters>> _flushRequests = new();
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private long _enqueued;
    private long _written;
    private long _dropped;
    private long _failed;
    private long _skipped;
    private long _overloadTick;

    // Records in the queue, kept here so the hot path reads a number instead of taking the channel's lock.
    private long _queued;
    private Exception? _lastError;

    public PredictionLogger(IArtifactStore artifacts, MetadataStore metadata, TimeProvider clock, PredictionLogOptions? options = null)
    {
        _options = options ?? new PredictionLogOptions();
        _options.Validate();
        _clock = clock;
        _disabled = _options.DisabledModels.ToFrozenSet(StringComparer.Ordinal);
        _highWater = Math.Max(1, (int)Math.Ceiling(_options.QueueCapacity * _options.OverloadHighWater));
        _queue = Channel.CreateBounded<PredictionRecord>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
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
    /// Offers a record to the queue; never blocks. False when the model's logging is off (skipped) or the queue is
    /// over its high-water mark or full (dropped); both are counted.
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

        if (_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _queued);
            Interlocked.Increment(ref _enqueued);
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
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
            AnswerFlushRequests();
        }

        return request.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting records, writes everything queued and waits for the writer to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _wake.Set();
        await _writerDone.Task;
    }

    /// <summary>
    /// The writer's own thread. Encoding a batch takes tens of milliseconds of CPU; on a thread of its own the OS
    /// time-slices it against the request threads instead of it holding one of the few thread-pool workers that
    /// Kestrel serves requests on. It polls the queue instead of being woken per record, so a busy server pays
    /// no cross-thread wake-up per prediction; only flush requests and disposal wake it early.
    /// </summary>
    private void RunWriter()
    {
        try
        {
            WriteUntilCompleted();
        }
        finally
        {
            _writerDone.TrySetResult();
        }
    }

    private void WriteUntilCompleted()
    {
        using var batch = new PredictionBatch();
        DateTimeOffset? deadline = null;
        while (true)
        {
            if (!_flushRequests.IsEmpty)
            {
                FlushQueued(batch);
                deadline = null;
                continue;
            }

            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var record))
            {
                Take(batch, record);
            }

            var completed = _queue.Reader.Completion.IsCompleted;
            if (batch.Count >= _options.BatchSize || (batch.Count > 0 && (completed || _clock.GetUtcNow() >= deadline)))
            {
                WriteBatch(batch);
                deadline = null;
                continue;
            }

            if (completed)
            {
                AnswerFlushRequests();
                return;
            }

            deadline ??= batch.Count > 0 ? _clock.GetUtcNow() + _options.FlushInterval : null;
            var wait = deadline is { } due ? Clamp(due - _clock.GetUtcNow()) : PollInterval;
            _wake.Wait(wait);
            _wake.Reset();
        }
    }

    private static TimeSpan Clamp(TimeSpan untilDeadline) =>
        untilDeadline <= TimeSpan.Zero ? TimeSpan.Zero : untilDeadline < PollInterval ? untilDeadline : PollInterval;

    /// <summary>Writes the current batch and everything that was queued when the flush requests were seen.</summary>
    private void FlushQueued(PredictionBatch batch)
    {
        var requests = new List<TaskCompletionSource<PredictionLogCounters>>();
        while (_flushRequests.TryDequeue(out var request))
        {
            requests.Add(request);
        }

        // Records acknowledged by TryLog before a request was posted are all in the queue now (or in the batch).
        for (var remaining = _queue.Reader.Count; remaining > 0 && _queue.Reader.TryRead(out var record); remaining--)
        {
            Take(batch, record);
            if (batch.Count >= _options.BatchSize)
            {
                WriteBatch(batch);
            }
        }

        if (batch.Count > 0)
        {
            WriteBatch(batch);
        }

        var counters = Counters;
        requests.ForEach(r => r.TrySetResult(counters));
    }

    /// <summary>
    /// Encodes on this thread, then waits for the store and the index: blocking is this thread's job, and it keeps
    /// the encoding of every file of the batch off the thread pool.
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
    }

    /// <summary>Moves a record into the batch's columns, where it no longer keeps its request's objects alive.</summary>
    private void Take(PredictionBatch batch, PredictionRecord record)
    {
        Interlocked.Decrement(ref _queued);
        try
        {
            batch.Add(record);
        }
        catch (Exception ex)
        {
            // A record whose values cannot be read is counted as failed; it never stops the writer.
            Interlocked.Increment(ref _failed);
            Volatile.Write(ref _lastError, ex);
        }
    }

    private void AnswerFlushRequests()
    {
        var counters = Counters;
        while (_flushRequests.TryDequeue(out var request))
        {
            request.TrySetResult(counters);
        }
    }
}
