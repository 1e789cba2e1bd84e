using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Tracking;

[Trait("Category", TestServices.Integration)]
public sealed class ServeCommandTests
{
    [Fact]
    public async Task ServePrintsItsUrlsAnswersAndStopsGracefullyOnATerminationSignal()
    {
        using var folder = new TempDirectory();
        var cli = Path.Combine(AppContext.BaseDirectory, "Raciflow.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        foreach (var arg in new[] { cli, "serve", "--port", "0", "--json", "-C", folder.Path, "--store", "sqlite:.raciflow/raciflow.db", "--artifacts", "file:.raciflow/artifacts" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var urls = await ReadJsonDocumentAsync(process.StandardOutput).WaitAsync(TimeSpan.FromMinutes(2));
            var api = new Uri(urls.GetProperty("api").GetString()!);
            Assert.Equal("127.0.0.1", api.Host);
            using var http = new HttpClient();
            Assert.Equal("Healthy", await http.GetStringAsync(urls.GetProperty("health").GetString()));
            Assert.Equal("[]", await http.GetStringAsync(api + "/experiments"));

            // SIGTERM to the server process this test started (Ctrl+C's SIGINT takes the same path, but a test host
            // launched from a background shell inherits SIGINT as ignored, so it cannot be used here).
            using (var interrupt = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    // --json writes one indented document; it ends with a closing brace alone on its line.
    private static async Task<JsonElement> ReadJsonDocumentAsync(StreamReader output)
    {
        var text = new StringBuilder();
        while (await output.ReadLineAsync() is { } line)
        {
            text.AppendLine(line);
            if (line == "}")
            {
                return JsonDocument.Parse(text.ToString()).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("raciflow serve ended before printing its URLs: " + text);
    }
}
