using System.Text.Json;
using Raciflow.Storage;

namespace Raciflow.Governance.Members;

/// <summary>
/// The per-user credentials file written by <c>raciflow login</c>: <c>~/.config/raciflow/credentials</c> (or under
/// <c>$XDG_CONFIG_HOME</c>), JSON mapping a workspace's metadata store to a token, created with mode 600 in a
/// folder of mode 700 and replaced atomically. <c>RACIFLOW_TOKEN</c> takes precedence over it.
/// </summary>
public static class CredentialsFile
{
    public const string TokenVariable = "RACIFLOW_TOKEN";

    public static string DefaultPath
    {
        get
        {
            var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(config, "raciflow", "credentials");
        }
    }

    /// <summary>The caller's credentials for a workspace: RACIFLOW_TOKEN, else the login file, else none.</summary>
    public static Credentials Resolve(string workspaceKey, string? path = null)
    {
        if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token)
        {
            return new Credentials(token.Trim());
        }

        return Read(path ?? DefaultPath).TryGetValue(workspaceKey, out var saved) ? new Credentials(saved) : Credentials.None;
    }

    public static void Save(string workspaceKey, string token, string? path = null) => Update(path ?? DefaultPath, all => all[workspaceKey] = token);

    /// <summary>Forgets the token of a workspace; returns false when there was none.</summary>
    public static bool Remove(string workspaceKey, string? path = null)
    {
        var removed = false;
        Update(path ?? DefaultPath, all => removed = all.Remove(workspaceKey));
        return removed;
    }

    private static Dictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            // The message names the file and position only; it never echoes the content, which holds tokens.
            throw RaciflowException.Invalid($"{path}:{ex.LineNumber + 1}: the credentials file is not valid JSON; delete it and run 'raciflow login' again.", path);
        }
    }

    private static void Update(string path, Action<Dictionary<string, string>> change)
    {
        var all = Read(path);
        change(all);
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        AtomicFile.Write(
            path,
            stream => JsonSerializer.Serialize(stream, all, new JsonSerializerOptions { WriteIndented = true }),
            new AtomicWriteOptions { UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
    }
}
