using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BidPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CallForProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Call_ContactName",
                table: "Projects",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_ContactPhone",
                table: "Projects",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Call_Days",
                table: "Projects",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Call_EndDate",
                table: "Projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_Objectives",
                table: "Projects",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Call_OnSiteTeaching",
                table: "Projects",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_Place",
                table: "Projects",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Call_PriceIncludes",
                table: "Projects",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Call_StartDate",
                table: "Projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_Submission",
                table: "Projects",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_TargetTrainees",
                table: "Projects",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Call_ContactName",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_ContactPhone",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_Days",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_EndDate",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_Objectives",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_OnSiteTeaching",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_Place",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_PriceIncludes",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_StartDate",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_Submission",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Call_TargetTrainees",
                table: "Projects");
        }
    }
}
