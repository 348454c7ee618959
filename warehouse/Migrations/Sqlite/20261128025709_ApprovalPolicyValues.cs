using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualityAnalytics.Warehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovalPolicyValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "policy_json",
                table: "quarter_approval",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "policy_json",
                table: "quarter_approval");
        }
    }
}
