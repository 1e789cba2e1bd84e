using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Raciflow.Tests.Support;

/// <summary>
/// <c>raciflow serve …</c> in a process of its own (the CLI built beside the tests), for what needs a real process:
/// a termination signal, <c>kill -9</c>, a container's command line. Disposing kills it if it still runs.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the server wrote to stderr so far (its log), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>raciflow serve --port 0 --json ARGS</c> and waits until it prints its URLs.</summary>
    public static async Task<ServerProcess> StartAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Raciflow.Cli.dll"), "serve", "--port", "0", "--json" }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var urls = await ReadJsonDocumentAsync(process.StandardOutput).WaitAsync(TimeSpan.FromMinutes(2));
            var api = new Uri(urls.GetProperty("api").GetString()!);
            var server = new ServerProcess(process, new Uri(api.GetLeftPart(UriPartial.Authority)));
            lock (stderr)
            {
                server._stderr.Append(stderr);
            }

            process.ErrorDataReceived += (_, e) =>
            {
                lock (server._stderr)
                {
                    server._stderr.AppendLine(e.Data);
                }
            };
            return server;
        }
        catch (Exception ex)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            string log;
            lock (stderr)
            {
                log = stderr.ToString();
            }

            throw new InvalidOperationException($"raciflow serve did not start (exit {(process.HasExited ? process.ExitCode : -1)}): {log}", ex);
        }
    }

    /// <summary>SIGTERM, as a container runtime stops a container; waits for the process to exit and returns its code.</summary>
    public async Task<int> StopAsync()
    {
        await SignalAsync("-TERM");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    /// <summary>SIGKILL (<c>kill -9</c>): the process dies at once, with no chance to flush or clean up.</summary>
    public async Task KillHardAsync()
    {
        await SignalAsync("-KILL");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
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
