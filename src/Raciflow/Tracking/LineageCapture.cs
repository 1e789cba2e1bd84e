using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Raciflow.Tracking;

/// <summary>Reads what a run is made of from its environment: git state, raciflow.yaml hash, assembly versions, command line.</summary>
internal static class LineageCapture
{
    private static readonly string[] TrackedAssemblyPrefixes = ["Raciflow", "Microsoft.ML", "Microsoft.EntityFrameworkCore", "Npgsql", "Parquet", "MathNet", "LightGBM"];
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The HEAD commit and whether the tree has changes; (null, null) outside a repository or without git.</summary>
    public static async Task<(string? Commit, bool? Dirty)> GitAsync(string directory, CancellationToken cancellationToken)
    {
        var head = await RunGitAsync(directory, ["rev-parse", "HEAD"], cancellationToken);
        if (head is null || head.Trim().Length != 40)
        {
            return (null, null);
        }

        var status = await RunGitAsync(directory, ["status", "--porcelain"], cancellationToken);
        return (head.Trim(), status is null ? null : status.Trim().Length > 0);
    }

    public static async Task<string?> FileSha256Async(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public static Dictionary<string, string> PackageVersions()
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal) { [".NET"] = RuntimeInformation.FrameworkDescription };
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName().Name;
            if (name is null || !TrackedAssemblyPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? assembly.GetName().Version?.ToString();
            if (version is not null)
            {
                versions[name] = version;
            }
        }

        return versions;
    }

    public static string CommandLine() =>
        string.Join(' ', Environment.GetCommandLineArgs().Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) || a.Contains('"', StringComparison.Ordinal) ? "\"" + a.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : a));

    private static async Task<string?> RunGitAsync(string directory, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(GitTimeout);
        Process? process = null;
        try
        {
            process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? await output : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            // No git on this machine, or it hung: lineage is best effort and must not fail the run.
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
        finally
        {
            process?.Dispose();
        }
    }
}
