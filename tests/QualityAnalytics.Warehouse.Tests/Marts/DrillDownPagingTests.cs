using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Semantic;

namespace QualityAnalytics.Warehouse.Tests.Marts;

/// <summary>The drill-down's count and pages over enough rows to page through, on the warehouse's engine (SQLite, or
/// PostgreSQL in the second pass): the page's rows are chosen by id with only the dimensions the filters and the sort
/// need, then joined to every dimension, so the pages must still add up to the one sorted list, whatever the sort.</summary>
public sealed class DrillDownPagingTests : IDisposable
{
    private static readonly Quarter Q2 = new(2026, 2);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-drill-" + Guid.NewGuid().ToString("N"));
    private readonly WarehouseDb _warehouse;

    public DrillDownPagingTests()
    {
        _warehouse = TestDatabases.NewWarehouse(_folder);
        try
        {
            Seed();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>57 complaints over two departments, three categories (and none), ten customers, received in a scattered
    /// order with ties, so that every sort has ties broken by the complaint id.</summary>
    private void Seed()
    {
        using var db = _warehouse.CreateContext();
        db.Departments.AddRange(Department("LOG", "物流业务部"), Department("WUH", "武汉业务部"));
        db.Categories.AddRange(new DimCategory { Name = "响应不及时" }, new DimCategory { Name = "态度" }, new DimCategory { Name = "Billing" });
        db.Customers.AddRange(Enumerable.Range(1, 10).Select(i => new DimCustomer { Name = $"客户{i:D2}" }));
        db.SaveChanges();
        var departments = db.Departments.OrderBy(d => d.Code).Select(d => d.DepartmentKey).ToList();
        var categories = db.Categories.OrderBy(c => c.Name).Select(c => c.CategoryKey).ToList();
        var customers = db.Customers.OrderBy(c => c.Name).Select(c => c.CustomerKey).ToList();
        for (var i = 0; i < 57; i++)
        {
            var received = new DateTime(2026, 4, 1, 8, 0, 0).AddHours(i * 37 % 23 * 5);
            db.Complaints.Add(new FactComplaint
            {
                ComplaintId = $"TS-{i:D3}", DepartmentKey = departments[i % 2], ReceivedAt = received,
                ReceivedDateKey = DateKeys.Of(DateOnly.FromDateTime(received)), QuarterKey = Q2.Key, ChannelKey = ChannelCatalog.All[i % 3].Key,
                Valid = i % 5 != 0, CategoryKey = i % 4 == 3 ? null : categories[i % 3], CustomerKey = customers[i % 10],
                Description = i % 6 == 0 ? "回复不及时" : "其他", BatchId = 1, SourceFileId = 1, SourceLine = i + 2,
            });
        }
        db.SaveChanges();
    }

    public static TheoryData<string, bool> Sorts => new()
    {
        { "received_at", false }, { "received_at", true }, { "category", false }, { "category", true },
        { "customer", true }, { "channel", false }, { "department_name", true }, { "complaint_id", true },
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public void Pages_of_any_sort_add_up_to_the_whole_sorted_list(string sort, bool descending)
    {
        using var connection = _warehouse.OpenReadConnection();
        var request = new RowQuery.RowRequest { Sort = sort, Descending = descending, PageSize = 500 };
        var whole = RowQuery.Run(connection, "complaints", request, RowScope.Everything);

        var paged = Enumerable.Range(1, 7)
            .SelectMany(p => RowQuery.Run(connection, "complaints", request with { Page = p, PageSize = 10 }, RowScope.Everything).Rows)
            .ToList();

        Assert.Equal(57, whole.Total);
        Assert.Equal(57, whole.Rows.Count);
        Assert.Equal(whole.Rows, paged);
        var column = whole.Columns.ToList().FindIndex(c => c.Name == sort);
        var id = whole.Columns.ToList().FindIndex(c => c.Name == "complaint_id");
        var expected = descending
            ? whole.Rows.OrderByDescending(r => r[column]?.ToString(), StringComparer.Ordinal).ThenBy(r => (string)r[id]!, StringComparer.Ordinal)
            : whole.Rows.OrderBy(r => r[column]?.ToString(), StringComparer.Ordinal).ThenBy(r => (string)r[id]!, StringComparer.Ordinal);
        // Nulls first going up and last going down, as the query says on both engines.
        Assert.Equal(expected.Select(r => r[id]), whole.Rows.Select(r => r[id]));
    }

    [Fact]
    public void A_search_counts_its_matches_on_every_page_and_past_the_last()
    {
        using var connection = _warehouse.OpenReadConnection();
        var request = new RowQuery.RowRequest { Search = "其他", Sort = "received_at", Descending = true, PageSize = 500 };
        var whole = RowQuery.Run(connection, "complaints", request, RowScope.Everything);

        var pages = Enumerable.Range(1, 6).Select(p => RowQuery.Run(connection, "complaints", request with { Page = p, PageSize = 10 }, RowScope.Everything)).ToList();

        Assert.Equal(47, whole.Total); // every sixth of the 57 says 回复不及时 instead
        Assert.Equal(47, whole.Rows.Count);
        Assert.All(pages, p => Assert.Equal(47, p.Total));
        Assert.Equal(whole.Rows, pages.SelectMany(p => p.Rows).ToList());
        Assert.Empty(pages[5].Rows); // page 6 is past the last: still counted
        var nothing = RowQuery.Run(connection, "complaints", request with { Search = "没有这样的投诉" }, RowScope.Everything);
        Assert.Equal(0, nothing.Total);
        Assert.Empty(nothing.Rows);
    }

    [Fact]
    public void The_count_and_the_rows_agree_under_every_kind_of_filter()
    {
        using var connection = _warehouse.OpenReadConnection();
        RowQuery.RowRequest[] requests =
        [
            new() { Filters = new Dictionary<string, IReadOnlyList<string>> { ["department"] = ["WUH"] } },
            new() { Filters = new Dictionary<string, IReadOnlyList<string>> { ["category"] = ["态度", "未分类"] } },
            new() { Filters = new Dictionary<string, IReadOnlyList<string>> { ["channel"] = [ChannelCatalog.All[1].Name] } },
            new() { Search = "不及时" },
            new() { Search = "客户03" },
            new() { QuarterFrom = "2026Q2", QuarterTo = "2026Q2", Filters = new Dictionary<string, IReadOnlyList<string>> { ["department"] = ["LOG"] }, Search = "其他" },
        ];
        foreach (var request in requests)
        {
            var page = RowQuery.Run(connection, "complaints", request with { PageSize = 500 }, RowScope.Everything);
            Assert.Equal(page.Rows.Count, page.Total);
            Assert.True(page.Total > 0, $"nothing matched {request}");
        }
        var scoped = RowQuery.Run(connection, "complaints", new RowQuery.RowRequest { PageSize = 500 }, RowScope.Only("LOG"));
        Assert.Equal(29, scoped.Total);
        Assert.Equal(29, scoped.Rows.Count);
    }

    [Fact]
    public void A_fact_whose_dimension_key_finds_nothing_is_still_shown_and_counted()
    {
        using (var connection = _warehouse.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE fact_complaint SET customer_key = 999999 WHERE complaint_id = 'TS-007'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        using var read = _warehouse.OpenReadConnection();

        var page = RowQuery.Run(read, "complaints", new RowQuery.RowRequest { Sort = "customer", PageSize = 500 }, RowScope.Everything);

        Assert.Equal(57, page.Total);
        var customer = page.Columns.ToList().FindIndex(c => c.Name == "customer");
        var row = Assert.Single(page.Rows, r => (string)r[0]! == "TS-007");
        Assert.Null(row[customer]);
    }

    /// <summary>The page's inner statement names a dimension only where it joins it: an alias left out would refer to
    /// the outer statement's and make the subquery correlated, still right but run once per outer row (this hung the
    /// dashboard on a million complaints once: the sort key glued to the last parameter's name hid its alias).</summary>
    [SqliteFact]
    public void No_page_statement_is_correlated_whatever_the_sort_and_the_filters()
    {
        using var connection = _warehouse.OpenReadConnection();
        foreach (var source in RowQuery.Sources)
        {
            var filters = source.FilterSql.Keys.Append("department").ToDictionary(k => k, IReadOnlyList<string> (k) => [k == "month" ? "2026-04" : "x"]);
            foreach (var column in source.Columns)
            {
                foreach (var request in new RowQuery.RowRequest[]
                         {
                             new() { Sort = column.Name, QuarterFrom = "2026Q1", QuarterTo = "2026Q2" },
                             new() { Sort = column.Name, Descending = true, Filters = filters, Search = "不及时" },
                         })
                {
                    using var count = connection.CreateCommand();
                    using var select = connection.CreateCommand();
                    RowQuery.Prepare(connection, source.Kind, request, RowScope.Only("LOG"), count, select);
                    foreach (var command in new[] { count, select })
                    {
                        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                        using var plan = command.ExecuteReader();
                        while (plan.Read())
                        {
                            // A column that is a scalar subquery by design (a check's count of deduction items) is
                            // correlated with its row on purpose; the page's choice of rows never may be.
                            var step = plan.GetString(3);
                            if (step.Contains("CORRELATED SCALAR SUBQUERY", StringComparison.Ordinal) && source.Columns.Any(c => c.Sql.StartsWith("(SELECT", StringComparison.Ordinal))) continue;
                            Assert.DoesNotContain("CORRELATED", step, StringComparison.Ordinal);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void The_count_joins_only_the_dimensions_its_filters_name()
    {
        var complaints = RowQuery.Source("complaints");

        Assert.Equal("fact_complaint f", complaints.FromFor(" WHERE f.quarter_key >= @r0"));
        Assert.Equal("fact_complaint f LEFT JOIN dim_department d ON d.department_key = f.department_key",
            complaints.FromFor(" WHERE d.code IN (@r0) AND f.quarter_key >= @r1"));
        Assert.Equal("fact_complaint f LEFT JOIN dim_category cat ON cat.category_key = f.category_key LEFT JOIN dim_customer cu ON cu.customer_key = f.customer_key",
            complaints.FromFor("lower(cu.name) LIKE @r0", "cat.name ASC"));
        // An alias is named where it stands alone, not inside another name or glued to a parameter.
        Assert.Equal("fact_complaint f", complaints.FromFor("f.bad.name", "@r1cat.name"));
        Assert.Equal(complaints.From, complaints.FromFor("d.code ch.name cat.name cu.name st.reply_status"));
        // A status filter joins the status mart alone.
        Assert.Equal("fact_complaint f LEFT JOIN mart_complaint_status st ON st.quarter_key = f.quarter_key AND st.complaint_key = f.id", complaints.FromFor(" WHERE st.solution_status IN (@r0)"));

        // A deduction reaches its department through its check: naming the department joins the check too.
        var deductions = RowQuery.Source("deductions");
        Assert.Equal("fact_check_deduction f", deductions.FromFor(" WHERE f.check_id IN (@r0)"));
        Assert.Equal(deductions.From, deductions.FromFor(" WHERE d.code IN (@r0)"));
        Assert.Equal("fact_check_deduction f LEFT JOIN fact_check c ON c.check_id = f.check_id", deductions.FromFor(" WHERE c.quarter_key >= @r0"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_warehouse);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static DimDepartment Department(string code, string name) =>
        new() { Code = code, Name = name, ValidFrom = new DateOnly(2020, 1, 1), IsCurrent = true };
}
