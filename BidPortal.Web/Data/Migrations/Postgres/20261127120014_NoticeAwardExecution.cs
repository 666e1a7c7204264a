using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BidPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticeAwardExecution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NoticeEndsAt",
                table: "Projects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ExecutionRecords",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "ExecutionRecords",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "ExecutionRecords",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportFileKey",
                table: "ExecutionRecords",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportFileName",
                table: "ExecutionRecords",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportSubmittedBy",
                table: "ExecutionRecords",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticeDays",
                table: "Campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "ExecutionReminderLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExecutionRecordId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionReminderLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutionReminderLogs_ExecutionRecords_ExecutionRecordId",
                        column: x => x.ExecutionRecordId,
                        principalTable: "ExecutionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenderProjectId = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReopenedScoring = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objections_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_Projects_TenderProjectId",
                        column: x => x.TenderProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionReminderLogs_ExecutionRecordId_Kind_Due",
                table: "ExecutionReminderLogs",
                columns: new[] { "ExecutionRecordId", "Kind", "Due" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_InstitutionId",
                table: "Objections",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_TenderProjectId_InstitutionId",
                table: "Objections",
                columns: new[] { "TenderProjectId", "InstitutionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExecutionReminderLogs");

            migrationBuilder.DropTable(
                name: "Objections");

            migrationBuilder.DropColumn(
                name: "NoticeEndsAt",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "ExecutionRecords");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "ExecutionRecords");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "ExecutionRecords");

            migrationBuilder.DropColumn(
                name: "ReportFileKey",
                table: "ExecutionRecords");

            migrationBuilder.DropColumn(
                name: "ReportFileName",
                table: "ExecutionRecords");

            migrationBuilder.DropColumn(
                name: "ReportSubmittedBy",
                table: "ExecutionRecords");

            migrationBuilder.DropColumn(
                name: "NoticeDays",
                table: "Campaigns");
        }
    }
}
