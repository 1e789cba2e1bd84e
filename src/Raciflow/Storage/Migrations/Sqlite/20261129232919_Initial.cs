using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raciflow.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: true),
                    rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    open_key = table.Column<string>(type: "TEXT", maxLength: 141, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: true),
                    threshold = table.Column<double>(type: "REAL", nullable: true),
                    occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    acknowledged_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    acknowledged_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolution_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    retraining = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "approval_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    task = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    target = table.Column<string>(type: "TEXT", nullable: true),
                    arguments_json = table.Column<string>(type: "TEXT", nullable: false),
                    arguments_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    evidence_json = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    consulted_roles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    require_consulted = table.Column<bool>(type: "INTEGER", nullable: false),
                    separation_of_duties = table.Column<bool>(type: "INTEGER", nullable: false),
                    deadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decision_comment = table.Column<string>(type: "TEXT", nullable: true),
                    consumed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    task = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    target = table.Column<string>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_datasets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    tags = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "file_hash_cache",
                columns: table => new
                {
                    path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    modified_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_hash_cache", x => x.path);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    roles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    is_admin = table.Column<bool>(type: "INTEGER", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    token_issued_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    task = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 100, nullable: false),
                    payload_json = table.Column<string>(type: "TEXT", nullable: false),
                    audit_sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    dead_lettered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prediction_feedback",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key_column = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    key_value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    actual = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    observed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prediction_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prediction_log_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    artifact_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    first_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    written_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prediction_log_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registered_models",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registered_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "approval_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    approval_request_id = table.Column<long>(type: "INTEGER", nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_comments_approval_request_approval_request_id",
                        column: x => x.approval_request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dataset_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dataset_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    parent_id = table.Column<long>(type: "INTEGER", nullable: true),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    source_format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    row_count = table.Column<long>(type: "INTEGER", nullable: false),
                    column_count = table.Column<int>(type: "INTEGER", nullable: false),
                    schema_json = table.Column<string>(type: "TEXT", nullable: false),
                    statistics_json = table.Column<string>(type: "TEXT", nullable: false),
                    data_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataset_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_dataset_versions_dataset_versions_parent_id",
                        column: x => x.parent_id,
                        principalTable: "dataset_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dataset_versions_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inbox_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    member = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    outbox_message_id = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    task = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_inbox_items_outbox_message_outbox_message_id",
                        column: x => x.outbox_message_id,
                        principalTable: "notification_outbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "model_alias_moves",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    model_id = table.Column<long>(type: "INTEGER", nullable: false),
                    alias = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    from_version = table.Column<int>(type: "INTEGER", nullable: true),
                    to_version = table.Column<int>(type: "INTEGER", nullable: true),
                    moved_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    moved_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_alias_moves", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_alias_moves_registered_model_model_id",
                        column: x => x.model_id,
                        principalTable: "registered_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dataset_profiles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dataset_version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    report_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataset_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_dataset_profiles_dataset_versions_dataset_version_id",
                        column: x => x.dataset_version_id,
                        principalTable: "dataset_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dataset_splits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dataset_version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    seed = table.Column<int>(type: "INTEGER", nullable: false),
                    train_fraction = table.Column<double>(type: "REAL", nullable: false),
                    validation_fraction = table.Column<double>(type: "REAL", nullable: false),
                    test_fraction = table.Column<double>(type: "REAL", nullable: false),
                    stratify_column = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    train_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    validation_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    test_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    indices_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataset_splits", x => x.id);
                    table.ForeignKey(
                        name: "fk_dataset_splits_dataset_version_dataset_version_id",
                        column: x => x.dataset_version_id,
                        principalTable: "dataset_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dataset_validations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dataset_version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    report_json = table.Column<string>(type: "TEXT", nullable: false),
                    expectations_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataset_validations", x => x.id);
                    table.ForeignKey(
                        name: "fk_dataset_validations_dataset_version_dataset_version_id",
                        column: x => x.dataset_version_id,
                        principalTable: "dataset_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    experiment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    parent_run_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    error_message = table.Column<string>(type: "TEXT", nullable: true),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    start_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    end_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cpu_seconds = table.Column<double>(type: "REAL", nullable: true),
                    peak_memory_bytes = table.Column<long>(type: "INTEGER", nullable: true),
                    dataset_version_id = table.Column<long>(type: "INTEGER", nullable: true),
                    split_id = table.Column<long>(type: "INTEGER", nullable: true),
                    git_commit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    git_dirty = table.Column<bool>(type: "INTEGER", nullable: true),
                    project_file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    package_versions = table.Column<string>(type: "TEXT", nullable: false),
                    command_line = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_runs_dataset_splits_split_id",
                        column: x => x.split_id,
                        principalTable: "dataset_splits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_runs_dataset_versions_dataset_version_id",
                        column: x => x.dataset_version_id,
                        principalTable: "dataset_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_runs_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_runs_runs_parent_run_id",
                        column: x => x.parent_run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    model_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    run_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    dataset_version_id = table.Column<long>(type: "INTEGER", nullable: true),
                    split_id = table.Column<long>(type: "INTEGER", nullable: true),
                    algorithm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    task = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    metrics_json = table.Column<string>(type: "TEXT", nullable: false),
                    signature_json = table.Column<string>(type: "TEXT", nullable: false),
                    bundle_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    bundle_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    bundle_size = table.Column<long>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_model_versions_dataset_splits_split_id",
                        column: x => x.split_id,
                        principalTable: "dataset_splits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_model_versions_dataset_versions_dataset_version_id",
                        column: x => x.dataset_version_id,
                        principalTable: "dataset_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_model_versions_registered_model_model_id",
                        column: x => x.model_id,
                        principalTable: "registered_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_model_versions_run_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "run_artifacts",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_artifacts", x => new { x.run_id, x.path });
                    table.ForeignKey(
                        name: "fk_run_artifacts_run_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_latest_metrics",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: false),
                    step = table.Column<long>(type: "INTEGER", nullable: false),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_latest_metrics", x => new { x.run_id, x.key });
                    table.ForeignKey(
                        name: "fk_run_latest_metrics_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: false),
                    step = table.Column<long>(type: "INTEGER", nullable: false),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_metrics", x => x.id);
                    table.ForeignKey(
                        name: "fk_run_metrics_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_params",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_params", x => new { x.run_id, x.key });
                    table.ForeignKey(
                        name: "fk_run_params_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_tags",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_tags", x => new { x.run_id, x.key });
                    table.ForeignKey(
                        name: "fk_run_tags_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_aliases",
                columns: table => new
                {
                    model_id = table.Column<long>(type: "INTEGER", nullable: false),
                    alias = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_aliases", x => new { x.model_id, x.alias });
                    table.ForeignKey(
                        name: "fk_model_aliases_model_version_version_id",
                        column: x => x.version_id,
                        principalTable: "model_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_model_aliases_registered_models_model_id",
                        column: x => x.model_id,
                        principalTable: "registered_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_model_status",
                table: "alerts",
                columns: new[] { "model", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_open_key",
                table: "alerts",
                column: "open_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_approval_comments_approval_request_id",
                table: "approval_comments",
                column: "approval_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_status",
                table: "approval_requests",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_actor_sequence",
                table: "audit_events",
                columns: new[] { "actor", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_sequence",
                table: "audit_events",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_task_sequence",
                table: "audit_events",
                columns: new[] { "task", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_dataset_profiles_dataset_version_id",
                table: "dataset_profiles",
                column: "dataset_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_dataset_splits_dataset_version_id_hash",
                table: "dataset_splits",
                columns: new[] { "dataset_version_id", "hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dataset_validations_dataset_version_id",
                table: "dataset_validations",
                column: "dataset_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_dataset_versions_dataset_id_hash",
                table: "dataset_versions",
                columns: new[] { "dataset_id", "hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dataset_versions_dataset_id_number",
                table: "dataset_versions",
                columns: new[] { "dataset_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dataset_versions_hash",
                table: "dataset_versions",
                column: "hash");

            migrationBuilder.CreateIndex(
                name: "ix_dataset_versions_parent_id",
                table: "dataset_versions",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_datasets_name",
                table: "datasets",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experiments_name",
                table: "experiments",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_items_member_read_at",
                table: "inbox_items",
                columns: new[] { "member", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_items_outbox_message_id",
                table: "inbox_items",
                column: "outbox_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_name",
                table: "members",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_token_hash",
                table: "members",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_alias_moves_model_id_alias_id",
                table: "model_alias_moves",
                columns: new[] { "model_id", "alias", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_model_aliases_version_id",
                table: "model_aliases",
                column: "version_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_dataset_version_id",
                table: "model_versions",
                column: "dataset_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_model_id_number",
                table: "model_versions",
                columns: new[] { "model_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_run_id",
                table: "model_versions",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_split_id",
                table: "model_versions",
                column: "split_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_delivered_at_dead_lettered_at_id",
                table: "notification_outbox",
                columns: new[] { "delivered_at", "dead_lettered_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_prediction_feedback_model_key_column_key_value",
                table: "prediction_feedback",
                columns: new[] { "model", "key_column", "key_value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prediction_log_files_artifact_key",
                table: "prediction_log_files",
                column: "artifact_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prediction_log_files_model_first_time",
                table: "prediction_log_files",
                columns: new[] { "model", "first_time" });

            migrationBuilder.CreateIndex(
                name: "ix_prediction_log_files_model_version_day",
                table: "prediction_log_files",
                columns: new[] { "model", "version", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_registered_models_name",
                table: "registered_models",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_run_latest_metrics_key_value",
                table: "run_latest_metrics",
                columns: new[] { "key", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_run_metrics_run_id_key_step",
                table: "run_metrics",
                columns: new[] { "run_id", "key", "step" });

            migrationBuilder.CreateIndex(
                name: "ix_runs_dataset_version_id",
                table: "runs",
                column: "dataset_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_runs_experiment_id_start_time",
                table: "runs",
                columns: new[] { "experiment_id", "start_time" });

            migrationBuilder.CreateIndex(
                name: "ix_runs_parent_run_id",
                table: "runs",
                column: "parent_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_runs_split_id",
                table: "runs",
                column: "split_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "approval_comments");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "dataset_profiles");

            migrationBuilder.DropTable(
                name: "dataset_validations");

            migrationBuilder.DropTable(
                name: "file_hash_cache");

            migrationBuilder.DropTable(
                name: "inbox_items");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "model_alias_moves");

            migrationBuilder.DropTable(
                name: "model_aliases");

            migrationBuilder.DropTable(
                name: "prediction_feedback");

            migrationBuilder.DropTable(
                name: "prediction_log_files");

            migrationBuilder.DropTable(
                name: "run_artifacts");

            migrationBuilder.DropTable(
                name: "run_latest_metrics");

            migrationBuilder.DropTable(
                name: "run_metrics");

            migrationBuilder.DropTable(
                name: "run_params");

            migrationBuilder.DropTable(
                name: "run_tags");

            migrationBuilder.DropTable(
                name: "approval_requests");

            migrationBuilder.DropTable(
                name: "notification_outbox");

            migrationBuilder.DropTable(
                name: "model_versions");

            migrationBuilder.DropTable(
                name: "registered_models");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "dataset_splits");

            migrationBuilder.DropTable(
                name: "experiments");

            migrationBuilder.DropTable(
                name: "dataset_versions");

            migrationBuilder.DropTable(
                name: "datasets");
        }
    }
}
