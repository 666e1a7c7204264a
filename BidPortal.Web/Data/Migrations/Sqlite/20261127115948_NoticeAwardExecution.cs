using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BidPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeAwardExecution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NoticeEndsAt",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "ExecutionRecords",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "ExecutionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "ExecutionRecords",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportFileKey",
                table: "ExecutionRecords",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportFileName",
                table: "ExecutionRecords",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportSubmittedBy",
                table: "ExecutionRecords",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoticeDays",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "ExecutionReminderLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExecutionRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenderProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenedScoring = table.Column<bool>(type: "INTEGER", nullable: false)
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
