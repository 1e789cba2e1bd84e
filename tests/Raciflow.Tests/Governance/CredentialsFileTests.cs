using Raciflow.Governance.Members;
using Raciflow.Tests.Support;

namespace Raciflow.Tests.Governance;

public sealed class CredentialsFileTests
{
    [Fact]
    public void LoginSavesOneTokenPerWorkspaceInAFileOnlyTheUserCanRead()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "raciflow", "credentials");
        CredentialsFile.Save("sqlite:/a.db", "rf_one", path);
        CredentialsFile.Save("postgres://u:***@h/db", "rf_two", path);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }

        if (Environment.GetEnvironmentVariable(CredentialsFile.TokenVariable) is null)
        {
            Assert.Equal("rf_one", CredentialsFile.Resolve("sqlite:/a.db", path).Token);
            Assert.Equal("rf_two", CredentialsFile.Resolve("postgres://u:***@h/db", path).Token);
            Assert.False(CredentialsFile.Resolve("sqlite:/other.db", path).IsPresent);
        }

        Assert.True(CredentialsFile.Remove("sqlite:/a.db", path));
        Assert.False(CredentialsFile.Remove("sqlite:/a.db", path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void ACorruptFileIsAnInvalidErrorThatDoesNotEchoItsContent()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("credentials", "{ \"sqlite:/a.db\": \"rf_secret");
        var ex = Assert.Throws<RaciflowException>(() => CredentialsFile.Save("x", "y", path));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("rf_secret", ex.Message, StringComparison.Ordinal);
    }
}
