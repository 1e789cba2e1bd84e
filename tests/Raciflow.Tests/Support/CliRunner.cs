using Raciflow.Cli;

namespace Raciflow.Tests.Support;

/// <summary>
/// Runs the real CLI in-process and captures stdout, as a script would see it. Console redirection is
/// process-wide, so CLI runs are serialised.
/// </summary>
public static class CliRunner
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        await Gate.WaitAsync();
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var code = await CliApp.RunAsync(args);
            return new CliResult(code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Gate.Release();
        }
    }
}
