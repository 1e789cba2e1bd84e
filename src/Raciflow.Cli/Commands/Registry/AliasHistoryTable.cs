using Raciflow.Cli.Commands.Tracking;
using Raciflow.Registry;
using Spectre.Console;

namespace Raciflow.Cli.Commands.Registry;

/// <summary>The alias moves of a model as a table, newest first (models show, models history).</summary>
public static class AliasHistoryTable
{
    public static Table Render(IEnumerable<AliasHistoryEntry> moves, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("When", "Alias", "From", "To", "By", "Why");
        if (title is not null)
        {
            table.Title(title);
        }

        foreach (var m in moves)
        {
            table.AddRow(RunFormat.Time(m.MovedAt), Markup.Escape(m.Alias), ModelsShowCommand.Version(m.From), ModelsShowCommand.Version(m.To), Markup.Escape(m.MovedBy), Markup.Escape(m.Reason ?? string.Empty));
        }

        return table;
    }
}
