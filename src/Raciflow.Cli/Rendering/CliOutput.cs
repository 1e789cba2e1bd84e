using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Raciflow.Cli.Rendering;

/// <summary>
/// Where a command writes its result: Spectre.Console renderables for people, or one JSON document on stdout
/// for scripts (with --json, nothing else is written to stdout).
/// </summary>
public sealed class CliOutput(bool json)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public bool Json { get; } = json;

    /// <summary>The console for people; in JSON mode it writes to stderr so stdout stays parseable.</summary>
    /// <remarks>Made per command over the current Console streams rather than Spectre's cached static console, so a
    /// host that redirects Console (tests, embedding) is honoured.</remarks>
    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(json ? System.Console.Error : System.Console.Out),
    });

    public void WriteJson(object value) => System.Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Writes <paramref name="value"/> as JSON, or renders it for people.</summary>
    public void Write(object value, Func<IRenderable> render)
    {
        if (Json)
        {
            WriteJson(value);
        }
        else
        {
            Console.Write(render());
        }
    }

    public void Line(string markup)
    {
        if (!Json)
        {
            Console.MarkupLine(markup);
        }
    }

    /// <summary>Runs work with a progress bar for people; silent in JSON mode.</summary>
    public async Task<T> ProgressAsync<T>(string description, Func<Action<double>, Task<T>> work)
    {
        if (Json || !Console.Profile.Capabilities.Interactive)
        {
            return await work(_ => { });
        }

        T result = default!;
        await Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: 1.0);
                result = await work(fraction => task.Value = Math.Clamp(fraction, 0, 1));
                task.Value = 1.0;
            });
        return result;
    }
}
