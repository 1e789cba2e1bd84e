using System.Text.Json;

namespace Raciflow.Tests.Support;

/// <summary>Exit code and captured output of one CLI run.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as the one JSON document a --json command writes.</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                using var doc = JsonDocument.Parse(Stdout);
                return doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"stdout is not one JSON document ({ex.Message}):\n{Stdout}\nstderr:\n{Stderr}", ex);
            }
        }
    }
}
