using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BidPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationPanels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ScoreItem_ScoreSheetId",
                table: "ScoreItem");

            migrationBuilder.AlterColumn<decimal>(
                name: "Points",
                table: "ScoreItem",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "ScoreItem",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ShortlistPublishedAt",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeclaredAt",
                table: "PanelMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DefaultCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    IsPrice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefaultCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefaultCriterion_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoringReopening",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenderProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReopenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReopenedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringReopening", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoringReopening_Projects_TenderProjectId",
                        column: x => x.TenderProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreItem_ScoreSheetId_CriterionId",
                table: "ScoreItem",
                columns: new[] { "ScoreSheetId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DefaultCriterion_CampaignId",
                table: "DefaultCriterion",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoringReopening_TenderProjectId",
                table: "ScoringReopening",
                column: "TenderProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DefaultCriterion");

            migrationBuilder.DropTable(
                name: "ScoringReopening");

            migrationBuilder.DropIndex(
                name: "IX_ScoreItem_ScoreSheetId_CriterionId",
                table: "ScoreItem");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "ScoreItem");

            migrationBuilder.DropColumn(
                name: "ShortlistPublishedAt",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "DeclaredAt",
                table: "PanelMembers");

            migrationBuilder.AlterColumn<decimal>(
                name: "Points",
                table: "ScoreItem",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreItem_ScoreSheetId",
                table: "ScoreItem",
                column: "ScoreSheetId");
        }
    }
}
