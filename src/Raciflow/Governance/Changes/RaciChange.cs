using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raciflow.Governance.Changes;

/// <summary>
/// A change to who may do what: one cell of the RACI matrix (<see cref="Assignment"/>) or the roles of a member
/// (<see cref="MemberRoles"/>). Serialised as the arguments of a <c>raci.change</c> approval request, so exactly
/// what was approved is what gets applied.
/// </summary>
public sealed record RaciChange(string Kind, string? Task = null, string? Role = null, string? Letters = null, string? Member = null, IReadOnlyList<string>? Roles = null)
{
    public const string AssignmentKind = "assignment";
    public const string MemberRolesKind = "member-roles";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Sets <paramref name="role"/>'s letters for <paramref name="task"/>; empty letters remove the cell.</summary>
    public static RaciChange Assignment(string task, string role, string letters) => new(AssignmentKind, Task: task, Role: role, Letters: letters);

    public static RaciChange MemberRoles(string member, IReadOnlyList<string> roles) => new(MemberRolesKind, Member: member, Roles: roles);

    /// <summary>What the change is applied to, for the audit log and the approval's target.</summary>
    [JsonIgnore]
    public string Target => Kind == AssignmentKind ? $"raci {Task} {Role}" : $"member {Member} roles";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RaciChange FromJson(string json) =>
        JsonSerializer.Deserialize<RaciChange>(json, Json) ?? throw RaciflowException.Invalid("arguments: a raci.change needs its arguments.", "arguments");
}
