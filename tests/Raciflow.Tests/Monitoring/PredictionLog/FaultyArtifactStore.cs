using Raciflow.Storage;

namespace Raciflow.Tests.Monitoring.PredictionLog;

/// <summary>
/// A real artifact store with faults switched in front of its writes, to play a disk or network failing, or a
/// process stopping, between the logger's queue and the store. Reads always go through.
/// </summary>
internal sealed class FaultyArtifactStore(IArtifactStore inner) : IArtifactStore
{
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public enum Fault
    {
        None,

        /// <summary>Every put throws before writing anything.</summary>
        Throw,

        /// <summary>Puts wait until <see cref="Release"/>, as if the process had stopped mid-write.</summary>
        Hang,

        /// <summary>The next put stores the object and then throws, as if the acknowledgement was lost.</summary>
        WriteThenThrowOnce,
    }

    public Fault Mode { get; set; }

    private int _puts;
    private int _hanging;

    public int Puts => Volatile.Read(ref _puts);

    /// <summary>Puts that have entered the hang.</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    public Uri Location => inner.Location;

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _puts);
        switch (Mode)
        {
            case Fault.Throw:
                throw new IOException($"Injected write failure for {key}.");
            case Fault.Hang:
                Interlocked.Increment(ref _hanging);
                await _release.Task;
                throw new IOException($"Injected write failure for {key} after the hang.");
            case Fault.WriteThenThrowOnce:
                Mode = Fault.None;
                await inner.PutAsync(key, content, cancellationToken);
                throw new IOException($"Injected lost acknowledgement for {key}.");
            default:
                await inner.PutAsync(key, content, cancellationToken);
                break;
        }
    }

    /// <summary>Ends the hang: puts caught in it fail, later ones behave as <paramref name="then"/> says.</summary>
    public void Release(Fault then = Fault.None)
    {
        Mode = then;
        _release.TrySetResult();
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
