using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Raciflow.Packaging;

/// <summary>
/// The container image of a packaged model version: <c>[REGISTRY/]NAME:TAG</c> with the tag <c>vVERSION</c>, checked
/// against the OCI reference grammar so that the Dockerfile, the Kubernetes manifest and the workflow all accept it.
/// </summary>
public sealed partial record ImageReference(string? Registry, string Name, string Tag)
{
    /// <summary>Repository: Registry/Name without the tag.</summary>
    public string Repository => Registry is null ? Name : $"{Registry}/{Name}";

    /// <summary>A name Kubernetes accepts for the Deployment and Service (DNS-1123 label).</summary>
    public string KubernetesName
    {
        get
        {
            var last = Name[(Name.LastIndexOf('/') + 1)..];
            var label = Separators().Replace(last, "-").Trim('-');
            return label.Length <= 63 ? label : label[..63].TrimEnd('-');
        }
    }

    public static ImageReference For(string model, int version, string? registry, string? imageName)
    {
        var name = imageName is null ? DefaultName(model) : ValidateName(imageName);
        return new ImageReference(registry is null ? null : ValidateRegistry(registry), name, "v" + version.ToString(CultureInfo.InvariantCulture));
    }

    public override string ToString() => $"{Repository}:{Tag}";

    /// <summary><c>raciflow-MODEL</c>: lower case, with runs of separators folded to one '-' as the grammar requires.</summary>
    private static string DefaultName(string model)
    {
        var name = new StringBuilder("raciflow-");
        foreach (var c in model.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return Separators().Replace(name.ToString(), "-").TrimEnd('-');
    }

    private static string ValidateName(string name) => NamePattern().IsMatch(name)
        ? name
        : throw RaciflowException.Invalid(
            $"Image name '{name}' is not a valid image repository: use lower-case letters and digits separated by '.', '_', '-' or '/' (e.g. raciflow-students or ml/students).", "--image");

    private static string ValidateRegistry(string registry)
    {
        var trimmed = registry.TrimEnd('/');
        return RegistryPattern().IsMatch(trimmed)
            ? trimmed
            : throw RaciflowException.Invalid(
                $"Registry '{registry}' is not a valid image registry: use a lower-case host with an optional port and path (e.g. ghcr.io/acme or 123456789012.dkr.ecr.eu-west-1.amazonaws.com).", "--registry");
    }

    [GeneratedRegex("[._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    // One or more path components of the OCI distribution grammar: [a-z0-9]+ joined by '.', '_', '__' or '-'s.
    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]{1,5})?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistryPattern();
}
