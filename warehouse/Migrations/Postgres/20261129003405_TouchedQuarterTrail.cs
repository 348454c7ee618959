using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualityAnalytics.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TouchedQuarterTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "fact_id_before",
                table: "source_file",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "quarter_key",
                table: "row_change",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "last_batch_id",
                table: "quarter_approval",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "fact_id_before",
                table: "source_file");

            migrationBuilder.DropColumn(
                name: "quarter_key",
                table: "row_change");

            migrationBuilder.DropColumn(
                name: "last_batch_id",
                table: "quarter_approval");
        }
    }
}
