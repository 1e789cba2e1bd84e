using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Raciflow.Projects;

/// <summary>Reads <c>raciflow.yaml</c>, naming the file, line and column of any mistake.</summary>
public static class ProjectConfigLoader
{
    public const string FileName = "raciflow.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithCaseInsensitivePropertyMatching()
        .Build();

    public static ProjectConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw RaciflowException.NotFound($"Project file '{path}' does not exist; run 'raciflow init' to create one.");
        }

        return Parse(text, path);
    }

    public static ProjectConfig Parse(string yaml, string fileLabel)
    {
        try
        {
            return Deserializer.Deserialize<ProjectConfig?>(yaml) ?? new ProjectConfig();
        }
        catch (YamlException ex)
        {
            var where = $"{fileLabel}:{ex.Start.Line}:{ex.Start.Column}";
            throw RaciflowException.Invalid($"{where}: {(ex.InnerException ?? ex).Message}", where);
        }
    }
}
