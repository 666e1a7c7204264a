using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BidPortal.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_ContactPhone",
                table: "Projects",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Call_Days",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Call_EndDate",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_Objectives",
                table: "Projects",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Call_OnSiteTeaching",
                table: "Projects",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_Place",
                table: "Projects",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Call_PriceIncludes",
                table: "Projects",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Call_StartDate",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_Submission",
                table: "Projects",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Call_TargetTrainees",
                table: "Projects",
                type: "TEXT",
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
