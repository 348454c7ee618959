using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualityAnalytics.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintStatusByQuarter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_mart_complaint_status",
                table: "mart_complaint_status");

            migrationBuilder.DropIndex(
                name: "IX_mart_complaint_status_quarter_key",
                table: "mart_complaint_status");

            migrationBuilder.AddPrimaryKey(
                name: "PK_mart_complaint_status",
                table: "mart_complaint_status",
                columns: new[] { "quarter_key", "complaint_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_mart_complaint_status",
                table: "mart_complaint_status");

            migrationBuilder.AddPrimaryKey(
                name: "PK_mart_complaint_status",
                table: "mart_complaint_status",
                column: "complaint_key");

            migrationBuilder.CreateIndex(
                name: "IX_mart_complaint_status_quarter_key",
                table: "mart_complaint_status",
                column: "quarter_key");
        }
    }
}
