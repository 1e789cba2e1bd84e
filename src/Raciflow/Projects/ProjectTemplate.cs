namespace Raciflow.Projects;

/// <summary>The documented raciflow.yaml that <c>raciflow init</c> writes.</summary>
public static class ProjectTemplate
{
    public static string Render(string projectName)
    {
        using var stream = typeof(ProjectTemplate).Assembly.GetManifestResourceStream("Raciflow.Templates.raciflow.yaml")
            ?? throw new InvalidOperationException("The raciflow.yaml template is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{{PROJECT}}", projectName, StringComparison.Ordinal);
    }
}
