using Raciflow.Storage;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Raciflow.Projects;

/// <summary>
/// Edits raciflow.yaml in place for governed changes. Only the text of the value that changes is replaced (found
/// with the YAML parser's positions), so the rest of the file, comments included, stays as its authors wrote it.
/// The new file is parsed back and checked before it replaces the old one atomically (temp file + rename).
/// </summary>
public static class ProjectFileEditor
{
    /// <summary>Replaces the row of <paramref name="task"/> under <c>raci</c> with <paramref name="row"/> (role → letters), as a flow mapping.</summary>
    public static void SetRaciRow(string path, string task, IReadOnlyList<KeyValuePair<string, string>> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = File.ReadAllText(path);
        var flow = FlowMapping(row);
        var edited = Locate(text, task) switch
        {
            { Row: { } span } => text[..span.Start] + flow + text[span.End..],
            { FirstEntryLineStart: { } line, Indent: var indent } => text[..line] + new string(' ', indent) + task + ": " + flow + "\n" + text[line..],
            { FlowEnd: { } close, FlowEmpty: var empty } => text[..close].TrimEnd() + (empty ? " " : ", ") + task + ": " + flow + " " + text[close..],
            _ => text.TrimEnd('\n') + "\n\nraci:\n  " + task + ": " + flow + "\n",
        };

        var parsed = ProjectConfigLoader.Parse(edited, path);
        var written = parsed.Raci.GetValueOrDefault(task) ?? [];
        if (written.Count != row.Count || row.Any(kv => written.GetValueOrDefault(kv.Key) != kv.Value))
        {
            throw new InvalidOperationException($"{path}: editing raci.{task} did not give the expected row; the file was left unchanged.");
        }

        AtomicFile.WriteAllText(path, edited);
    }

    private static string FlowMapping(IReadOnlyList<KeyValuePair<string, string>> row) =>
        row.Count == 0 ? "{}" : "{ " + string.Join(", ", row.Select(kv => $"{kv.Key}: {kv.Value}")) + " }";

    /// <summary>Where things are in the text: the task's row value, else where to insert a row, else the raci value.</summary>
    private static Location Locate(string text, string task)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
        {
            return new Location();
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (key.Value != "raci")
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }

            if (!parser.Accept<MappingStart>(out var raci))
            {
                throw RaciflowException.Invalid($"raci: the matrix is not a mapping of tasks; fix it by hand (see 'raciflow init' for the layout).", "raci");
            }

            return LocateRow(parser, raci, task);
        }

        return new Location();
    }

    private static Location LocateRow(IParser parser, MappingStart raci, string task)
    {
        parser.Consume<MappingStart>();
        int? firstLine = null;
        var indent = 2;
        var empty = true;
        while (!parser.Accept<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            empty = false;
            if (firstLine is null && raci.Style != MappingStyle.Flow)
            {
                firstLine = (int)(key.Start.Index - key.Start.Column + 1);
                indent = (int)key.Start.Column - 1;
            }

            if (key.Value == task)
            {
                var start = (int)parser.Current!.Start.Index;
                var end = ValueEnd(parser);
                return new Location { Row = (start, end) };
            }

            parser.SkipThisAndNestedEvents();
        }

        var raciEnd = parser.Consume<MappingEnd>();
        return firstLine is not null
            ? new Location { FirstEntryLineStart = firstLine, Indent = indent }
            : new Location { FlowEnd = (int)raciEnd.Start.Index, FlowEmpty = empty };
    }

    /// <summary>
    /// The end of the value starting at the parser's current event. A block collection "ends" at the next token, after
    /// any comment lines, so its end is taken from the last thing inside it instead, keeping those comments.
    /// </summary>
    private static int ValueEnd(IParser parser)
    {
        var blocks = new Stack<bool>();
        var last = parser.Current!.End.Index;
        do
        {
            var e = parser.Current!;
            switch (e)
            {
                case MappingStart m:
                    blocks.Push(m.Style != MappingStyle.Flow);
                    last = e.End.Index;
                    break;
                case SequenceStart q:
                    blocks.Push(q.Style != SequenceStyle.Flow);
                    last = e.End.Index;
                    break;
                case MappingEnd or SequenceEnd:
                    if (!blocks.Pop())
                    {
                        last = e.Start.Index + 1; // just past the closing bracket (the parser's end mark stays on it)
                    }

                    break;
                default:
                    last = e.End.Index;
                    break;
            }

            parser.MoveNext();
        }
        while (blocks.Count > 0);
        return (int)last;
    }

    private sealed record Location
    {
        public (int Start, int End)? Row { get; init; }

        public int? FirstEntryLineStart { get; init; }

        public int Indent { get; init; } = 2;

        /// <summary>Where the closing brace of a flow-style raci mapping is, to add a row before it.</summary>
        public int? FlowEnd { get; init; }

        public bool FlowEmpty { get; init; }
    }
}
