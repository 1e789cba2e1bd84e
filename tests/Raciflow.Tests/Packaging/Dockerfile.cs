namespace Raciflow.Tests.Packaging;

/// <summary>A Dockerfile read as its instructions (continuations joined, comments dropped), for checking a package.</summary>
public sealed record Dockerfile(IReadOnlyList<(string Keyword, string Arguments)> Instructions)
{
    public static Dockerfile Read(string path)
    {
        var instructions = new List<(string, string)>();
        var pending = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = pending + line;
            pending = string.Empty;
            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add((whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }

        Assert.Equal(string.Empty, pending);
        return new Dockerfile(instructions);
    }

    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    public string Single(string keyword) => Assert.Single(All(keyword));

    /// <summary>The instructions of the last stage (after its FROM).</summary>
    public Dockerfile FinalStage => new(Instructions.Skip(Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM")).ToList());
}
