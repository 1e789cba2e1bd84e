using System.Text.Json;
using Raciflow.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands;

/// <summary>Prints an error once, as text on stderr or as JSON on stdout, and returns its exit code.</summary>
public static class CommandErrors
{
    public static int Report(Exception ex, bool json)
    {
        (ErrorKind? kind, string message, string? location, IReadOnlyList<string> details) = ex switch
        {
            RaciflowException r => (r.Kind, r.Message, r.Location, r.Details),
            CommandParseException or CommandRuntimeException => (ErrorKind.Invalid, ex.Message, null, []),
            OperationCanceledException => (ErrorKind.Unavailable, "Cancelled.", null, []),
            UnauthorizedAccessException => (ErrorKind.Forbidden, ex.Message, null, []),
            IOException => (ErrorKind.Unavailable, ex.Message, null, []),
            _ => ((ErrorKind?)null, $"Unexpected error ({ex.GetType().Name}): {ex.Message}", (string?)null, (IReadOnlyList<string>)[]),
        };
        var exitCode = kind?.ExitCode() ?? 1;
        if (json)
        {
            var error = new Dictionary<string, object?>
            {
                ["code"] = kind?.Code() ?? "internal",
                ["message"] = message,
                ["location"] = location,
                ["details"] = details,
                ["exitCode"] = exitCode,
            };
            Console.Out.WriteLine(JsonSerializer.Serialize(new { error }, CliOutput.JsonOptions));
        }
        else
        {
            var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            stderr.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
            foreach (var detail in details)
            {
                stderr.MarkupLine($"  [red]-[/] {Markup.Escape(detail)}");
            }

            if (kind is null && Environment.GetEnvironmentVariable("RACIFLOW_DEBUG") == "1")
            {
                stderr.WriteLine(ex.ToString());
            }
        }

        return exitCode;
    }
}
