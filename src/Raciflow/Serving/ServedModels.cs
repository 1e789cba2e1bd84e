using System.Collections.Concurrent;
using Raciflow.Registry;

namespace Raciflow.Serving;

/// <summary>
/// The models a server answers with. Aliases resolve through one immutable table that <see cref="RefreshAsync"/>
/// replaces in a single reference write, and only after every version it names is fully loaded: a request sees
/// either the old version or the new one, never a half-loaded model, and no request waits for a load it did not ask for.
/// </summary>
public sealed class ServedModels(IServingCatalog catalog)
{
    private readonly ConcurrentDictionary<(string Model, int Version), Lazy<Task<ServedModel>>> _loaded = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile AliasTable _aliases = new(new Dictionary<ServedAlias, ServedModel>());

    /// <summary>Raised after an alias now points at another version (old → new), e.g. for logging and metrics.</summary>
    public event Action<ServedAlias, ServedModel?, ServedModel>? AliasMoved;

    /// <summary>The model for MODEL@VERSION, or MODEL@ALIAS (production when neither is given).</summary>
    public async ValueTask<ServedModel> GetAsync(string model, string? alias, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v)
        {
            return await LoadAsync(model, v, cancellationToken);
        }

        var key = new ServedAlias(model, alias ?? ModelAliases.Production);
        if (_aliases.Models.TryGetValue(key, out var served))
        {
            return served;
        }

        // An alias set since the last refresh (or a model registered meanwhile): look once more before saying no.
        await RefreshAsync(cancellationToken);
        if (_aliases.Models.TryGetValue(key, out served))
        {
            return served;
        }

        throw RaciflowException.NotFound(NoAlias(model, key.Alias, _aliases.Models.Keys.Any(k => k.Model == model)));
    }

    private static string NoAlias(string model, string alias, bool modelHasAliases) => modelHasAliases
        ? $"Model '{model}' has no alias '{alias}' to serve; set it with 'raciflow models alias {model} VERSION {alias}', or ask for a version ({model}@N, or /versions/N/predict over HTTP)."
        : $"Model '{model}' is not served: it does not exist or has no alias yet (registered models are served by alias, e.g. production, or by version: {model}@N, or /versions/N/predict over HTTP).";

    /// <summary>
    /// The model for MODEL@VERSION or MODEL@ALIAS (production when neither is given) for a one-off use such as batch
    /// scoring: the alias is read from the catalog and only that version is loaded; the served table is left alone.
    /// </summary>
    public async Task<ServedModel> ResolveAsync(string model, string? alias, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v)
        {
            return await LoadAsync(model, v, cancellationToken);
        }

        var key = new ServedAlias(model, alias ?? ModelAliases.Production);
        var pointers = await catalog.ReadAliasesAsync(cancellationToken);
        return pointers.TryGetValue(key, out var number)
            ? await LoadAsync(model, number, cancellationToken)
            : throw RaciflowException.NotFound(NoAlias(model, key.Alias, pointers.Keys.Any(k => k.Model == model)));
    }

    /// <summary>Every alias currently served and its version.</summary>
    public IReadOnlyDictionary<ServedAlias, ServedModel> Aliases => _aliases.Models;

    /// <summary>Reads the aliases, loads what they newly point at, then swaps the table in one write.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var pointers = await catalog.ReadAliasesAsync(cancellationToken);
            var current = _aliases.Models;
            var next = new Dictionary<ServedAlias, ServedModel>(pointers.Count);
            foreach (var (key, number) in pointers)
            {
                next[key] = current.TryGetValue(key, out var same) && same.Version == number
                    ? same
                    : await LoadAsync(key.Model, number, cancellationToken);
            }

            _aliases = new AliasTable(next);
            foreach (var (key, model) in next)
            {
                var before = current.GetValueOrDefault(key);
                if (before?.Version != model.Version)
                {
                    AliasMoved?.Invoke(key, before, model);
                }
            }

            Evict(next.Values);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<ServedModel> LoadAsync(string model, int version, CancellationToken cancellationToken)
    {
        var lazy = _loaded.GetOrAdd((model, version), k => new Lazy<Task<ServedModel>>(() => catalog.LoadAsync(k.Model, k.Version, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed load (e.g. unknown version) is not cached, so the next request tries again.
            _loaded.TryRemove(new KeyValuePair<(string, int), Lazy<Task<ServedModel>>>((model, version), lazy));
            throw;
        }
    }

    /// <summary>Keeps aliased versions and a few others asked for by number; bundles of big forests are large.</summary>
    private void Evict(IEnumerable<ServedModel> aliased)
    {
        const int KeepUnaliased = 8;
        var keep = aliased.Select(m => (m.Name, m.Version)).ToHashSet();
        var others = _loaded.Keys.Where(k => !keep.Contains(k)).ToList();
        foreach (var key in others.Take(Math.Max(0, others.Count - KeepUnaliased)))
        {
            _loaded.TryRemove(key, out _);
        }
    }

    private sealed record AliasTable(IReadOnlyDictionary<ServedAlias, ServedModel> Models);
}
