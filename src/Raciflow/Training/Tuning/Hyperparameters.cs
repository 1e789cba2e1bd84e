using System.Globalization;

namespace Raciflow.Training.Tuning;

/// <summary>Concrete hyperparameter values for one fit (numbers as double, choices as string).</summary>
public sealed class Hyperparameters(IReadOnlyDictionary<string, object> values)
{
    public IReadOnlyDictionary<string, object> Values { get; } = values;

    public double Real(string name) => Convert.ToDouble(Get(name), CultureInfo.InvariantCulture);

    public int Int(string name) => (int)Math.Round(Real(name));

    public string Choice(string name) => Convert.ToString(Get(name), CultureInfo.InvariantCulture)!;

    public override string ToString() =>
        string.Join(", ", Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}"));

    private object Get(string name) =>
        Values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"Hyperparameter '{name}' has no value.");
}
