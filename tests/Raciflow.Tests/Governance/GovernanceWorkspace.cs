using Raciflow.Governance;
using Raciflow.Governance.Members;
using Raciflow.Tests.Support;
using Raciflow.Workspaces;

namespace Raciflow.Tests.Governance;

/// <summary>
/// A fresh workspace for governance tests that can be opened again on the same stores (another process, another
/// clock), with helpers to enrol members and act as them.
/// </summary>
public sealed class GovernanceWorkspace : IDisposable
{
    private readonly List<Workspace> _opened = [];

    private GovernanceWorkspace(TempDirectory folder, WorkspaceOptions options, Workspace workspace)
    {
        Folder = folder;
        Options = options;
        Workspace = workspace;
        _opened.Add(workspace);
    }

    public TempDirectory Folder { get; }

    public WorkspaceOptions Options { get; }

    public Workspace Workspace { get; }

    public StoreKind Kind => Options.StoreUri!.StartsWith("postgres", StringComparison.Ordinal) ? StoreKind.Production : StoreKind.Local;

    public static async Task<GovernanceWorkspace> CreateAsync(StoreKind kind, string? yaml = null, TimeProvider? clock = null)
    {
        var folder = new TempDirectory();
        folder.Write("raciflow.yaml", yaml ?? GovernanceYaml.Fixed);
        var options = new WorkspaceOptions { Directory = folder.Path, Actor = "local-user", Clock = clock ?? TimeProvider.System };
        if (kind == StoreKind.Production)
        {
            options.StoreUri = await TestServices.CreatePostgresDatabaseAsync();
            options.ArtifactsUri = await TestServices.CreateS3BucketAsync();
        }
        else
        {
            options.StoreUri = "sqlite:.raciflow/raciflow.db";
            options.ArtifactsUri = "file:.raciflow/artifacts";
        }

        return new GovernanceWorkspace(folder, options, await Workspace.OpenAsync(options));
    }

    /// <summary>Opens the same stores again, as another process would (the project file is re-read).</summary>
    public async Task<Workspace> ReopenAsync(TimeProvider? clock = null)
    {
        var options = new WorkspaceOptions { Directory = Options.Directory, StoreUri = Options.StoreUri, ArtifactsUri = Options.ArtifactsUri, Actor = Options.Actor, Clock = clock ?? Options.Clock };
        var workspace = await Workspace.OpenAsync(options);
        _opened.Add(workspace);
        return workspace;
    }

    public GovernanceService As(string? token) => new(Workspace, new Credentials(token));

    public GovernanceService Anonymous => new(Workspace, Credentials.None);

    /// <summary>Enrols members in order (the first becomes admin) and returns name → token.</summary>
    public async Task<Dictionary<string, string>> EnrolAsync(params (string Name, string Roles)[] members)
    {
        var tokens = new Dictionary<string, string>();
        string? admin = null;
        foreach (var (name, roles) in members)
        {
            var issued = await As(admin).Members.AddAsync(name, [roles]);
            tokens[name] = issued.Token;
            admin ??= issued.Token;
        }

        return tokens;
    }

    public void Dispose()
    {
        foreach (var workspace in _opened)
        {
            workspace.Dispose();
        }

        Folder.Dispose();
    }
}
