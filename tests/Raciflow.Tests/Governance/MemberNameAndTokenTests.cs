using System.Security.Cryptography;
using System.Text;
using Raciflow.Governance.Members;

namespace Raciflow.Tests.Governance;

public sealed class MemberNameAndTokenTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("bob.smith")]
    [InlineData("ana_m-2")]
    [InlineData("ana@example.com")]
    public void OrdinaryNamesAreAccepted(string name) => Assert.Equal(name, MemberName.Validate(name));

    [Theory]
    [InlineData("../etc/passwd", "'/'")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("bob\n", "control character U+000A")]
    [InlineData("bob\u0000", "control character U+0000")]
    [InlineData("o'brien", "'''")]
    [InlineData("x; DROP TABLE members;--", "';'")]
    [InlineData("a\"b", "'\"'")]
    [InlineData("-rf", "must start with a letter or digit")]
    [InlineData("", "a member name is required")]
    public void NamesWithPathSeparatorsControlOrSqlCharactersAreRejected(string name, string reason)
    {
        var ex = Assert.Throws<RaciflowException>(() => MemberName.Validate(name));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Equal("NAME", ex.Location);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void TokensArePrefixedBase64UrlOf32RandomBytes()
    {
        var token = ApiToken.Generate();
        Assert.StartsWith("rf_", token, StringComparison.Ordinal);
        Assert.Equal(46, token.Length);
        Assert.True(ApiToken.IsWellFormed(token));
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(3)).Length);
        Assert.NotEqual(token, ApiToken.Generate());
    }

    [Fact]
    public void TheStoredHashIsSha256HexOfTheToken()
    {
        // Known answer: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiToken.Hash("abc"));
        var token = ApiToken.Generate();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), ApiToken.Hash(token));
        Assert.True(ApiToken.Matches(token, ApiToken.Hash(token)));
        Assert.False(ApiToken.Matches(token, ApiToken.Hash(token + "x")));
        Assert.False(ApiToken.Matches(token, "not-hex"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rf_short")]
    [InlineData("xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("rf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$")]
    public void MalformedTokensAreRecognised(string? token) => Assert.False(ApiToken.IsWellFormed(token));

    [Fact]
    public void CredentialsAndIssuedTokensNeverPrintTheToken()
    {
        var token = ApiToken.Generate();
        Assert.DoesNotContain(token, new Credentials(token).ToString(), StringComparison.Ordinal);
        var issued = new IssuedToken(new MemberInfo("a", [], false, true, DateTime.UtcNow, "x", null), token, true);
        Assert.DoesNotContain(token, issued.ToString(), StringComparison.Ordinal);
    }
}
