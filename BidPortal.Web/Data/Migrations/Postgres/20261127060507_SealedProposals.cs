using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BidPortal.Web.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "StorageKey",
                table: "ProposalVersions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(260)",
                oldMaxLength: 260,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FileName",
                table: "ProposalVersions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(260)",
                oldMaxLength: 260);

            migrationBuilder.AddColumn<int>(
                name: "Trainees",
                table: "ProposalVersions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WrappedKey",
                table: "ProposalVersions",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "Proposals",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "Projects",
                type: "integer",
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

            migrationBuilder.AlterColumn<string>(
                name: "StorageKey",
                table: "ProposalVersions",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FileName",
                table: "ProposalVersions",
                type: "character varying(260)",
                maxLength: 260,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_TenderProjectId_InstitutionId",
                table: "Proposals",
                columns: new[] { "TenderProjectId", "InstitutionId" },
                unique: true);
        }
    }
}
