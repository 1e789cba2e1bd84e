using System.Globalization;

namespace Raciflow.Bench.Training;

/// <summary>Reads "--name value" options of the training bench modes.</summary>
internal static class BenchArgs
{
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
