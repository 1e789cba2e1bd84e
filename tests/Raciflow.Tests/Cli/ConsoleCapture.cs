using Raciflow.Cli;

namespace Raciflow.Tests.Cli;

/// <summary>
/// Runs the CLI in-process with stdout captured. Console output is process-wide, so every test that captures it
/// belongs to the "Console" collection, which xunit never runs in parallel with itself.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int ExitCode, string Stdout)> RunAsync(params string[] args)
    {
        await Gate.WaitAsync();
        var original = Console.Out;
        using var writer = new StringWriter();
        try
        {
            Console.SetOut(writer);
            var code = await CliApp.RunAsync(args);
            return (code, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Gate.Release();
        }
    }
}
