using Spectre.Console.Cli;

namespace Raciflow.Cli.Commands.Governance;

/// <summary>Registers <c>raciflow raci|members|login|logout|audit|approvals|inbox|notifications …</c>.</summary>
public static class GovernanceCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("raci", raci =>
        {
            raci.SetDescription("Show and check the RACI matrix of raciflow.yaml.");
            raci.AddCommand<RaciShowCommand>("show").WithDescription("Show the matrix, or one member's view with --member.");
            raci.AddCommand<RaciValidateCommand>("validate").WithDescription("Check the matrix can be enforced; non-zero exit when it cannot.");
            raci.AddCommand<RaciSetCommand>("set").WithDescription("Change one cell (governed: problem-definition's A applies it, its R asks the A).");
        });
        config.AddBranch("members", members =>
        {
            members.SetDescription("Enrol members, revoke them and rotate their API tokens.");
            members.AddCommand<MembersAddCommand>("add").WithDescription("Enrol a member and print their API token once.");
            members.AddCommand<MembersListCommand>("list").WithDescription("List members and their roles.");
            members.AddCommand<MembersRevokeCommand>("revoke").WithDescription("Revoke a member; their token stops working.");
            members.AddCommand<MembersRotateCommand>("rotate").WithDescription("Print a new token for a member; the old one stops working.");
            members.AddCommand<MembersRolesCommand>("roles").WithDescription("Replace a member's roles (governed like a matrix change).");
        });
        config.AddCommand<LoginCommand>("login").WithDescription("Save your API token for this workspace (~/.config/raciflow/credentials, mode 600).");
        config.AddCommand<LogoutCommand>("logout").WithDescription("Forget the saved API token of this workspace.");
        config.AddBranch("audit", audit =>
        {
            audit.SetDescription("Read and verify the append-only audit log.");
            audit.AddCommand<AuditListCommand>("list").WithDescription("List audit events, newest first.");
            audit.AddCommand<AuditVerifyCommand>("verify").WithDescription("Check the hash chain; names the first wrong sequence number.");
        });
        config.AddBranch("approvals", approvals =>
        {
            approvals.SetDescription("Approval requests for gated actions (e.g. promotion to production).");
            approvals.AddCommand<ApprovalsListCommand>("list").WithDescription("List approval requests.");
            approvals.AddCommand<ApprovalsShowCommand>("show").WithDescription("Show a request with its evidence and comments.");
            approvals.AddCommand<ApprovalsRequestCommand>("request").WithDescription("Ask for approval of a gated action.");
            approvals.AddCommand<ApprovalsCommentCommand>("comment").WithDescription("Comment on a request (Consulted roles, R and A).");
            approvals.AddCommand<ApprovalsApproveCommand>("approve").WithDescription("Approve a request (the task's Accountable only).");
            approvals.AddCommand<ApprovalsRejectCommand>("reject").WithDescription("Reject a request (the task's Accountable only).");
        });
        config.AddBranch("inbox", inbox =>
        {
            inbox.SetDescription("Your in-app notifications.");
            inbox.SetDefaultCommand<InboxListCommand>();
            inbox.AddCommand<InboxListCommand>("list").WithDescription("List your notifications (unread unless --all).");
            inbox.AddCommand<InboxReadCommand>("read").WithDescription("Mark notifications read (all unread when no ID is given).");
        });
        config.AddBranch("notifications", notifications =>
        {
            notifications.SetDescription("The notification outbox.");
            notifications.AddCommand<NotificationsDispatchCommand>("dispatch").WithDescription("Deliver queued notifications to inboxes and webhooks.");
        });
    }
}
