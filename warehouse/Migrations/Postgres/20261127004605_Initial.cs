using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace QualityAnalytics.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dim_category",
                columns: table => new
                {
                    category_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_category", x => x.category_key);
                },
                comment: "One row per complaint category.");

            migrationBuilder.CreateTable(
                name: "dim_channel",
                columns: table => new
                {
                    channel_key = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_channel", x => x.channel_key);
                },
                comment: "One row per complaint channel.");

            migrationBuilder.CreateTable(
                name: "dim_customer",
                columns: table => new
                {
                    customer_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_customer", x => x.customer_key);
                },
                comment: "One row per customer.");

            migrationBuilder.CreateTable(
                name: "dim_date",
                columns: table => new
                {
                    date_key = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    day_of_week = table.Column<int>(type: "integer", nullable: false),
                    iso_year = table.Column<int>(type: "integer", nullable: false),
                    iso_week = table.Column<int>(type: "integer", nullable: false),
                    is_working_day = table.Column<bool>(type: "boolean", nullable: false),
                    holiday_name = table.Column<string>(type: "text", nullable: true),
                    is_official = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_date", x => x.date_key);
                },
                comment: "One row per calendar day, with the official working-day flag.");

            migrationBuilder.CreateTable(
                name: "dim_department",
                columns: table => new
                {
                    department_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    manager = table.Column<string>(type: "text", nullable: true),
                    parent_code = table.Column<string>(type: "text", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    batch_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_department", x => x.department_key);
                },
                comment: "One row per department version (SCD type 2).");

            migrationBuilder.CreateTable(
                name: "dim_survey_question",
                columns: table => new
                {
                    question_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    question = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    weight = table.Column<decimal>(type: "numeric", nullable: false),
                    scale = table.Column<decimal>(type: "numeric", nullable: false),
                    batch_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_survey_question", x => x.question_key);
                },
                comment: "One row per survey question.");

            migrationBuilder.CreateTable(
                name: "fact_callback",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    callback_id = table.Column<string>(type: "text", nullable: false),
                    department_key = table.Column<int>(type: "integer", nullable: false),
                    called_on_key = table.Column<int>(type: "integer", nullable: false),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    finding = table.Column<string>(type: "text", nullable: false),
                    deduction = table.Column<decimal>(type: "numeric", nullable: true),
                    customer_key = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_callback", x => x.id);
                },
                comment: "One row per audited phone callback.");

            migrationBuilder.CreateTable(
                name: "fact_check",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    check_id = table.Column<string>(type: "text", nullable: false),
                    department_key = table.Column<int>(type: "integer", nullable: false),
                    month_key = table.Column<int>(type: "integer", nullable: false),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    score = table.Column<decimal>(type: "numeric", nullable: false),
                    inspector = table.Column<string>(type: "text", nullable: true),
                    checked_on_key = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_check", x => x.id);
                },
                comment: "One row per check record (self-check or spot check).");

            migrationBuilder.CreateTable(
                name: "fact_check_deduction",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    check_id = table.Column<string>(type: "text", nullable: false),
                    item = table.Column<string>(type: "text", nullable: false),
                    points = table.Column<decimal>(type: "numeric", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_check_deduction", x => x.id);
                },
                comment: "One row per deduction item of a check.");

            migrationBuilder.CreateTable(
                name: "fact_complaint",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    complaint_id = table.Column<string>(type: "text", nullable: false),
                    department_key = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    received_date_key = table.Column<int>(type: "integer", nullable: false),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    channel_key = table.Column<int>(type: "integer", nullable: false),
                    valid = table.Column<bool>(type: "boolean", nullable: false),
                    customer_key = table.Column<int>(type: "integer", nullable: true),
                    category_key = table.Column<int>(type: "integer", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    replied_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    direct_deduction = table.Column<decimal>(type: "numeric", nullable: true),
                    handler = table.Column<string>(type: "text", nullable: true),
                    satisfaction = table.Column<string>(type: "text", nullable: true),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_complaint", x => x.id);
                },
                comment: "One row per complaint.");

            migrationBuilder.CreateTable(
                name: "fact_survey_answer",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    response_id = table.Column<string>(type: "text", nullable: false),
                    question = table.Column<string>(type: "text", nullable: false),
                    question_key = table.Column<int>(type: "integer", nullable: false),
                    department_key = table.Column<int>(type: "integer", nullable: false),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    customer_key = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<decimal>(type: "numeric", nullable: false),
                    submitted_on_key = table.Column<int>(type: "integer", nullable: true),
                    excluded = table.Column<bool>(type: "boolean", nullable: false),
                    excluded_by = table.Column<string>(type: "text", nullable: true),
                    excluded_reason = table.Column<string>(type: "text", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_survey_answer", x => x.id);
                },
                comment: "One row per answer: one question of one questionnaire.");

            migrationBuilder.CreateTable(
                name: "load_batch",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    loaded_by = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    files = table.Column<int>(type: "integer", nullable: false),
                    read = table.Column<int>(type: "integer", nullable: false),
                    loaded = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    quarantined = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    marts_refreshed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_batch", x => x.id);
                },
                comment: "One row per load.");

            migrationBuilder.CreateTable(
                name: "mart_assessment",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    department_code = table.Column<string>(type: "text", nullable: false),
                    department_name = table.Column<string>(type: "text", nullable: false),
                    policy_version = table.Column<string>(type: "text", nullable: false),
                    self_check_base = table.Column<decimal>(type: "numeric", nullable: true),
                    consistency_penalty = table.Column<decimal>(type: "numeric", nullable: false),
                    self_check = table.Column<decimal>(type: "numeric", nullable: true),
                    survey = table.Column<decimal>(type: "numeric", nullable: true),
                    complaint = table.Column<decimal>(type: "numeric", nullable: false),
                    callback_deduction = table.Column<decimal>(type: "numeric", nullable: false),
                    total = table.Column<decimal>(type: "numeric", nullable: true),
                    grade = table.Column<string>(type: "text", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    complete = table.Column<bool>(type: "boolean", nullable: false),
                    missing = table.Column<string>(type: "text", nullable: false),
                    warnings = table.Column<string>(type: "text", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    source_batches = table.Column<string>(type: "text", nullable: false),
                    input_fingerprint = table.Column<string>(type: "text", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mart_assessment", x => x.id);
                },
                comment: "One row per department, quarter and policy version (the current draft).");

            migrationBuilder.CreateTable(
                name: "mart_check_monthly",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    month_key = table.Column<int>(type: "integer", nullable: false),
                    department_code = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    checks = table.Column<int>(type: "integer", nullable: false),
                    score_sum = table.Column<decimal>(type: "numeric", nullable: false),
                    average_score = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mart_check_monthly", x => x.id);
                },
                comment: "One row per department, month and kind of check.");

            migrationBuilder.CreateTable(
                name: "mart_complaint_summary",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    month_key = table.Column<int>(type: "integer", nullable: false),
                    department_code = table.Column<string>(type: "text", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    complaints = table.Column<int>(type: "integer", nullable: false),
                    valid_complaints = table.Column<int>(type: "integer", nullable: false),
                    direct_deduction = table.Column<decimal>(type: "numeric", nullable: false),
                    replied = table.Column<int>(type: "integer", nullable: false),
                    replied_late = table.Column<int>(type: "integer", nullable: false),
                    resolved = table.Column<int>(type: "integer", nullable: false),
                    resolved_late = table.Column<int>(type: "integer", nullable: false),
                    satisfied = table.Column<int>(type: "integer", nullable: false),
                    neutral = table.Column<int>(type: "integer", nullable: false),
                    dissatisfied = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mart_complaint_summary", x => x.id);
                },
                comment: "One row per department, month, channel and category.");

            migrationBuilder.CreateTable(
                name: "quarter_approval",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    policy_version = table.Column<string>(type: "text", nullable: false),
                    approved_by = table.Column<string>(type: "text", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarter_approval", x => x.id);
                },
                comment: "One row per approved quarter and policy version.");

            migrationBuilder.CreateTable(
                name: "quarter_note",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    department_code = table.Column<string>(type: "text", nullable: false),
                    causes = table.Column<string>(type: "text", nullable: true),
                    solutions = table.Column<string>(type: "text", nullable: true),
                    updated_by = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarter_note", x => x.id);
                },
                comment: "One row per department and quarter: causes and solutions.");

            migrationBuilder.CreateTable(
                name: "row_change",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    table_name = table.Column<string>(type: "text", nullable: false),
                    natural_key = table.Column<string>(type: "text", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    old_values = table.Column<string>(type: "text", nullable: false),
                    new_values = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_row_change", x => x.id);
                },
                comment: "One row per update of an existing row by natural key.");

            migrationBuilder.CreateTable(
                name: "source_file",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    path = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    sheet = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: true),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    encoding = table.Column<string>(type: "text", nullable: true),
                    read = table.Column<int>(type: "integer", nullable: false),
                    loaded = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    quarantined = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    unknown_columns = table.Column<string>(type: "text", nullable: true),
                    elapsed_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_file", x => x.id);
                    table.ForeignKey(
                        name: "FK_source_file_load_batch_batch_id",
                        column: x => x.batch_id,
                        principalTable: "load_batch",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "One row per file or workbook sheet in a batch.");

            migrationBuilder.CreateTable(
                name: "mart_assessment_approved",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    approval_id = table.Column<long>(type: "bigint", nullable: false),
                    quarter_key = table.Column<int>(type: "integer", nullable: false),
                    department_code = table.Column<string>(type: "text", nullable: false),
                    department_name = table.Column<string>(type: "text", nullable: false),
                    policy_version = table.Column<string>(type: "text", nullable: false),
                    self_check_base = table.Column<decimal>(type: "numeric", nullable: true),
                    consistency_penalty = table.Column<decimal>(type: "numeric", nullable: false),
                    self_check = table.Column<decimal>(type: "numeric", nullable: true),
                    survey = table.Column<decimal>(type: "numeric", nullable: true),
                    complaint = table.Column<decimal>(type: "numeric", nullable: false),
                    callback_deduction = table.Column<decimal>(type: "numeric", nullable: false),
                    total = table.Column<decimal>(type: "numeric", nullable: true),
                    grade = table.Column<string>(type: "text", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    complete = table.Column<bool>(type: "boolean", nullable: false),
                    missing = table.Column<string>(type: "text", nullable: false),
                    warnings = table.Column<string>(type: "text", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    source_batches = table.Column<string>(type: "text", nullable: false),
                    input_fingerprint = table.Column<string>(type: "text", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mart_assessment_approved", x => x.id);
                    table.ForeignKey(
                        name: "FK_mart_assessment_approved_quarter_approval_approval_id",
                        column: x => x.approval_id,
                        principalTable: "quarter_approval",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                },
                comment: "One row per department of an approved quarter and policy version; never updated.");

            migrationBuilder.CreateTable(
                name: "load_warning",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    file = table.Column<string>(type: "text", nullable: false),
                    sheet = table.Column<string>(type: "text", nullable: true),
                    line = table.Column<int>(type: "integer", nullable: false),
                    column = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true),
                    message = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_load_warning", x => x.id);
                    table.ForeignKey(
                        name: "FK_load_warning_source_file_source_file_id",
                        column: x => x.source_file_id,
                        principalTable: "source_file",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "One row per data warning on a row that loaded.");

            migrationBuilder.CreateTable(
                name: "quarantined_row",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    source_file_id = table.Column<long>(type: "bigint", nullable: false),
                    file = table.Column<string>(type: "text", nullable: false),
                    sheet = table.Column<string>(type: "text", nullable: true),
                    line = table.Column<int>(type: "integer", nullable: false),
                    column = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantined_row", x => x.id);
                    table.ForeignKey(
                        name: "FK_quarantined_row_source_file_source_file_id",
                        column: x => x.source_file_id,
                        principalTable: "source_file",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                },
                comment: "One row per rejected row.");

            migrationBuilder.InsertData(
                table: "dim_channel",
                columns: new[] { "channel_key", "code", "name" },
                values: new object[,]
                {
                    { 1, "phone", "电话" },
                    { 2, "email", "邮件" },
                    { 3, "web", "网站" },
                    { 4, "box", "意见箱" },
                    { 5, "other", "其他" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_dim_category_name",
                table: "dim_category",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_channel_code",
                table: "dim_channel",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_customer_name",
                table: "dim_customer",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_date_quarter_key",
                table: "dim_date",
                column: "quarter_key");

            migrationBuilder.CreateIndex(
                name: "IX_dim_department_code_valid_from",
                table: "dim_department",
                columns: new[] { "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_department_name",
                table: "dim_department",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "IX_dim_survey_question_question",
                table: "dim_survey_question",
                column: "question",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_callback_callback_id",
                table: "fact_callback",
                column: "callback_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_callback_quarter_key_department_key",
                table: "fact_callback",
                columns: new[] { "quarter_key", "department_key" });

            migrationBuilder.CreateIndex(
                name: "IX_fact_check_check_id",
                table: "fact_check",
                column: "check_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_check_quarter_key_department_key",
                table: "fact_check",
                columns: new[] { "quarter_key", "department_key" });

            migrationBuilder.CreateIndex(
                name: "IX_fact_check_deduction_check_id_item",
                table: "fact_check_deduction",
                columns: new[] { "check_id", "item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_complaint_complaint_id",
                table: "fact_complaint",
                column: "complaint_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_complaint_quarter_key_department_key",
                table: "fact_complaint",
                columns: new[] { "quarter_key", "department_key" });

            migrationBuilder.CreateIndex(
                name: "IX_fact_survey_answer_quarter_key_department_key",
                table: "fact_survey_answer",
                columns: new[] { "quarter_key", "department_key" });

            migrationBuilder.CreateIndex(
                name: "IX_fact_survey_answer_response_id_question",
                table: "fact_survey_answer",
                columns: new[] { "response_id", "question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_load_warning_batch_id",
                table: "load_warning",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "IX_load_warning_source_file_id",
                table: "load_warning",
                column: "source_file_id");

            migrationBuilder.CreateIndex(
                name: "IX_mart_assessment_quarter_key_department_code_policy_version",
                table: "mart_assessment",
                columns: new[] { "quarter_key", "department_code", "policy_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mart_assessment_approved_approval_id",
                table: "mart_assessment_approved",
                column: "approval_id");

            migrationBuilder.CreateIndex(
                name: "IX_mart_assessment_approved_quarter_key_department_code_policy~",
                table: "mart_assessment_approved",
                columns: new[] { "quarter_key", "department_code", "policy_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mart_check_monthly_quarter_key_department_code",
                table: "mart_check_monthly",
                columns: new[] { "quarter_key", "department_code" });

            migrationBuilder.CreateIndex(
                name: "IX_mart_complaint_summary_quarter_key_department_code",
                table: "mart_complaint_summary",
                columns: new[] { "quarter_key", "department_code" });

            migrationBuilder.CreateIndex(
                name: "IX_quarantined_row_batch_id",
                table: "quarantined_row",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "IX_quarantined_row_source_file_id",
                table: "quarantined_row",
                column: "source_file_id");

            migrationBuilder.CreateIndex(
                name: "IX_quarter_approval_quarter_key_policy_version",
                table: "quarter_approval",
                columns: new[] { "quarter_key", "policy_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quarter_note_quarter_key_department_code",
                table: "quarter_note",
                columns: new[] { "quarter_key", "department_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_row_change_table_name_natural_key",
                table: "row_change",
                columns: new[] { "table_name", "natural_key" });

            migrationBuilder.CreateIndex(
                name: "IX_source_file_batch_id",
                table: "source_file",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "IX_source_file_sha256",
                table: "source_file",
                column: "sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dim_category");

            migrationBuilder.DropTable(
                name: "dim_channel");

            migrationBuilder.DropTable(
                name: "dim_customer");

            migrationBuilder.DropTable(
                name: "dim_date");

            migrationBuilder.DropTable(
                name: "dim_department");

            migrationBuilder.DropTable(
                name: "dim_survey_question");

            migrationBuilder.DropTable(
                name: "fact_callback");

            migrationBuilder.DropTable(
                name: "fact_check");

            migrationBuilder.DropTable(
                name: "fact_check_deduction");

            migrationBuilder.DropTable(
                name: "fact_complaint");

            migrationBuilder.DropTable(
                name: "fact_survey_answer");

            migrationBuilder.DropTable(
                name: "load_warning");

            migrationBuilder.DropTable(
                name: "mart_assessment");

            migrationBuilder.DropTable(
                name: "mart_assessment_approved");

            migrationBuilder.DropTable(
                name: "mart_check_monthly");

            migrationBuilder.DropTable(
                name: "mart_complaint_summary");

            migrationBuilder.DropTable(
                name: "quarantined_row");

            migrationBuilder.DropTable(
                name: "quarter_note");

            migrationBuilder.DropTable(
                name: "row_change");

            migrationBuilder.DropTable(
                name: "quarter_approval");

            migrationBuilder.DropTable(
                name: "source_file");

            migrationBuilder.DropTable(
                name: "load_batch");
        }
    }
}
