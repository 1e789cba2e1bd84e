using Microsoft.EntityFrameworkCore;
using Raciflow.Governance.Audit;
using Raciflow.Governance.Authorization;
using Raciflow.Governance.Raci;

namespace Raciflow.Governance.Members;

/// <summary>
/// Enrols members, revokes them and rotates their tokens. The first member added becomes admin and switches
/// enforcement on; after that only admins (or the R/A of problem-definition) manage members. Tokens are returned
/// once and only their hash is stored.
/// </summary>
public sealed class MemberService(GovernanceService governance)
{
    public async Task<IssuedToken> AddAsync(string name, IEnumerable<string> roles, bool admin = false, CancellationToken cancellationToken = default)
    {
        MemberName.Validate(name);
        var roleNames = roles.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(r => Roles.Require(r, "--role").Name).Distinct().ToList();
        if (roleNames.Count == 0)
        {
            throw RaciflowException.Invalid($"--role: {name} needs at least one role; known roles: {Roles.Known}.", "--role");
        }

        var grant = await governance.AuthorizeAsync(GovernedActions.MembersAdd, name, cancellationToken);
        var token = ApiToken.Generate();
        var now = governance.Workspace.UtcNow;
        var (member, first) = await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
        {
            // Checked inside the serialised transaction so two concurrent "first" members cannot both become admin.
            await AuditLog.SerializeAsync(db, cancellationToken);
            var first = !await db.Set<Member>().AnyAsync(cancellationToken);
            if (await db.Set<Member>().AnyAsync(m => m.Name == name, cancellationToken))
            {
                throw RaciflowException.Conflict($"A member named {name} already exists; use 'raciflow members rotate {name}' for a new token.");
            }

            var member = new Member
            {
                Name = name,
                Roles = string.Join(",", roleNames),
                IsAdmin = first || admin,
                TokenHash = ApiToken.Hash(token),
                CreatedAt = now,
                CreatedBy = grant.Actor,
                TokenIssuedAt = now,
            };
            db.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            var after = $"roles {member.Roles}{(member.IsAdmin ? ", admin" : string.Empty)}{(first ? "; enforcement switched on" : string.Empty)}";
            await governance.AuditAsync(grant, null, after, db, cancellationToken: cancellationToken);
            return (member, first);
        }, cancellationToken);
        return new IssuedToken(MemberInfo.From(member), token, first);
    }

    public async Task<IReadOnlyList<MemberInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = governance.Workspace.Metadata.CreateContext();
        var members = await db.Set<Member>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return members.Select(MemberInfo.From).ToList();
    }

    public async Task<MemberInfo> RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        MemberName.Validate(name);
        var grant = await governance.AuthorizeAsync(GovernedActions.MembersRevoke, name, cancellationToken);
        return await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
        {
            var member = await FindAsync(db, name, cancellationToken);
            if (!member.IsActive)
            {
                throw RaciflowException.Conflict($"{name} was already revoked at {member.RevokedAt:yyyy-MM-dd HH:mm} UTC.");
            }

            if (member.IsAdmin && !await db.Set<Member>().AnyAsync(m => m.IsAdmin && m.RevokedAt == null && m.Id != member.Id, cancellationToken))
            {
                throw RaciflowException.Conflict($"{name} is the last active admin; make another member admin before revoking them.");
            }

            member.RevokedAt = governance.Workspace.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            await governance.AuditAsync(grant, "active", "revoked", db, cancellationToken: cancellationToken);
            return MemberInfo.From(member);
        }, cancellationToken);
    }

    public async Task<IssuedToken> RotateAsync(string name, CancellationToken cancellationToken = default)
    {
        MemberName.Validate(name);
        var grant = await governance.AuthorizeAsync(GovernedActions.MembersRotate, name, cancellationToken);
        var token = ApiToken.Generate();
        var member = await GovernanceTransaction.RunAsync(governance.Workspace.Metadata, async db =>
        {
            var member = await FindAsync(db, name, cancellationToken);
            if (!member.IsActive)
            {
                throw RaciflowException.Conflict($"{name} is revoked; add them again under a new name instead of rotating.");
            }

            member.TokenHash = ApiToken.Hash(token);
            member.TokenIssuedAt = governance.Workspace.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            await governance.AuditAsync(grant, "token replaced", "new token issued", db, cancellationToken: cancellationToken);
            return member;
        }, cancellationToken);
        return new IssuedToken(MemberInfo.From(member), token, false);
    }

    /// <summary>The member a token belongs to (for 'raciflow login' and 'whoami'); Unauthorized when none.</summary>
    public async Task<MemberInfo> WhoAmIAsync(CancellationToken cancellationToken = default)
    {
        await using var db = governance.Workspace.Metadata.CreateContext();
        var members = await db.Set<Member>().AsNoTracking().Where(m => m.RevokedAt == null).ToListAsync(cancellationToken);
        if (!ApiToken.IsWellFormed(governance.Credentials.Token))
        {
            throw new RaciflowException(ErrorKind.Unauthorized, governance.Credentials.IsPresent
                ? $"The API token is malformed: Raciflow tokens start with '{ApiToken.Prefix}' and are {ApiToken.Length} characters long."
                : "No credentials: set RACIFLOW_TOKEN or run 'raciflow login'.");
        }

        Member? found = null;
        foreach (var m in members)
        {
            if (ApiToken.Matches(governance.Credentials.Token!, m.TokenHash))
            {
                found = m;
            }
        }

        return found is null
            ? throw new RaciflowException(ErrorKind.Unauthorized, "The API token is not valid: it is unknown, was revoked or was replaced by 'raciflow members rotate'.")
            : MemberInfo.From(found);
    }

    private static async Task<Member> FindAsync(Storage.Metadata.RaciflowDbContext db, string name, CancellationToken cancellationToken) =>
        await db.Set<Member>().SingleOrDefaultAsync(m => m.Name == name, cancellationToken)
        ?? throw RaciflowException.NotFound($"There is no member named {name}; 'raciflow members list' shows them.");
}
