namespace Raciflow.Packaging;

/// <summary>Where each file of a package lives, relative to its folder; the templates and the tests share these.</summary>
public static class PackageLayout
{
    public const string Bundle = "model/bundle.zip";
    public const string ModelCard = "model/model-card.md";
    public const string Signature = "model/signature.json";
    public const string Source = "source";
    public const string Dockerfile = "Dockerfile";
    public const string DockerIgnore = ".dockerignore";
    public const string Kubernetes = "k8s/deployment.yaml";
    public const string Workflow = ".github/workflows/deploy.yml";
    public const string Readme = "README.md";

    /// <summary>Where the image keeps the model, and so what the entrypoint serves.</summary>
    public const string ImageModelDirectory = "/app/model";

    public const string ImageBundle = ImageModelDirectory + "/bundle.zip";

    public const int Port = 8080;

    /// <summary>The user the aspnet base image provides as <c>$APP_UID</c> ("app").</summary>
    public const int AppUid = 1654;
}
