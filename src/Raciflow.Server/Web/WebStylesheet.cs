namespace Raciflow.Server.Web;

/// <summary>The stylesheet, embedded in the assembly from Web/raciflow.css so the server ships as one library.</summary>
internal static class WebStylesheet
{
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(WebStylesheet).Assembly.GetManifestResourceStream("Raciflow.Server.Web.raciflow.css")
            ?? throw new InvalidOperationException("The embedded stylesheet Web/raciflow.css is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
