using System.Globalization;
using Raciflow.Tracking;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Tracking;

/// <summary>How tracking values read in a terminal.</summary>
internal static class RunFormat
{
    public static string ShortId(string id) => id[..Math.Min(8, id.Length)];

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Time(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    public static string Duration(double? seconds) => seconds switch
    {
        null => "",
        < 60 => seconds.Value.ToString("0.0", CultureInfo.InvariantCulture) + "s",
        < 3600 => TimeSpan.FromSeconds(seconds.Value).ToString(@"m\:ss", CultureInfo.InvariantCulture),
        _ => TimeSpan.FromSeconds(seconds.Value).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
    };

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes.Value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes.Value / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
    };

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Finished => "[green]finished[/]",
        RunStatus.Failed => "[red]failed[/]",
        RunStatus.Killed => "[yellow]killed[/]",
        _ => "[blue]running[/]",
    };

    public static string Escape(string? text) => Markup.Escape(text ?? "");
}
