using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualityAnalytics.Warehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintStatusMart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mart_complaint_status",
                columns: table => new
                {
                    complaint_key = table.Column<long>(type: "INTEGER", nullable: false),
                    quarter_key = table.Column<int>(type: "INTEGER", nullable: false),
                    reply_status = table.Column<string>(type: "TEXT", nullable: false),
                    reply_due = table.Column<DateTime>(type: "TEXT", nullable: false),
                    solution_status = table.Column<string>(type: "TEXT", nullable: false),
                    solution_due = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mart_complaint_status", x => x.complaint_key);
                },
                comment: "One row per complaint: its reply and solution status against the service targets.");

            migrationBuilder.CreateIndex(
                name: "IX_mart_complaint_status_quarter_key",
                table: "mart_complaint_status",
                column: "quarter_key");

            // Complaints loaded before this table have no status row: mark every batch's marts as not rebuilt, so that the
            // next load (or nightly catch-up) rebuilds every loaded quarter's rows, statuses included (AfterLoad).
            migrationBuilder.Sql("UPDATE load_batch SET marts_refreshed = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mart_complaint_status");
        }
    }
}
