namespace Raciflow.Training;

/// <summary>Every algorithm Raciflow can train, by catalog name.</summary>
public sealed class AlgorithmCatalog
{
    private readonly Dictionary<string, IAlgorithm> _byName;

    public AlgorithmCatalog(IEnumerable<IAlgorithm> algorithms)
    {
        _byName = algorithms.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every built-in algorithm.</summary>
    public static AlgorithmCatalog CreateDefault() => new(Algorithms.MlNetAlgorithms.All().Concat(Algorithms.HandWrittenAlgorithms.All()));

    public IReadOnlyCollection<IAlgorithm> All => _byName.Values;

    public IEnumerable<IAlgorithm> For(TaskKind task) => _byName.Values.Where(a => a.Tasks.Contains(task)).OrderBy(a => a.Name, StringComparer.Ordinal);

    public IAlgorithm Get(string name, TaskKind task)
    {
        if (!_byName.TryGetValue(name, out var algorithm))
        {
            throw RaciflowException.Invalid($"Unknown algorithm '{name}'; known: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}.", name);
        }

        return algorithm.Tasks.Contains(task)
            ? algorithm
            : throw RaciflowException.Invalid($"Algorithm '{name}' does not support {task.ToString().ToLowerInvariant()}; for {task.ToString().ToLowerInvariant()} use: {string.Join(", ", For(task).Select(a => a.Name))}.", name);
    }
}
