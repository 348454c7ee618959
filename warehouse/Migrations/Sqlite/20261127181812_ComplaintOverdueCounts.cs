using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualityAnalytics.Warehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintOverdueCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "reply_overdue",
                table: "mart_complaint_summary",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "resolve_overdue",
                table: "mart_complaint_summary",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The summary rows already built have no overdue counts: mark every batch's marts as not rebuilt, so that the
            // next load (or nightly catch-up) rebuilds every loaded quarter's rows with them (AfterLoad).
            migrationBuilder.Sql("UPDATE load_batch SET marts_refreshed = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reply_overdue",
                table: "mart_complaint_summary");

            migrationBuilder.DropColumn(
                name: "resolve_overdue",
                table: "mart_complaint_summary");
        }
    }
}
