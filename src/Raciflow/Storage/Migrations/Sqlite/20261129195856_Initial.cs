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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_splits");

            migrationBuilder.DropTable(
                name: "dataset_validations");

            migrationBuilder.DropTable(
                name: "file_hash_cache");

            migrationBuilder.DropTable(
                name: "dataset_versions");

            migrationBuilder.DropTable(
                name: "datasets");
        }
    }
}
