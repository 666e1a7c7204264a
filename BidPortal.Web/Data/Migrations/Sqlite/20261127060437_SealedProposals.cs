using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BidPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_TenderProjectId_InstitutionId",
                table: "Proposals");

            migrationBuilder.AddColumn<int>(
                name: "Trainees",
                table: "ProposalVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WrappedKey",
                table: "ProposalVersions",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "Proposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_TenderProjectId_InstitutionId_Round",
                table: "Proposals",
                columns: new[] { "TenderProjectId", "InstitutionId", "Round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_TenderProjectId_InstitutionId_Round",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Trainees",
                table: "ProposalVersions");

            migrationBuilder.DropColumn(
                name: "WrappedKey",
                table: "ProposalVersions");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_TenderProjectId_InstitutionId",
                table: "Proposals",
                columns: new[] { "TenderProjectId", "InstitutionId" },
                unique: true);
        }
    }
}
