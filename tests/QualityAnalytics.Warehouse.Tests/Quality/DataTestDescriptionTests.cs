using Xunit;
using QualityAnalytics.Warehouse.Quality;

namespace QualityAnalytics.Warehouse.Tests.Quality;

/// <summary>The data page and `qa verify` lead each data test's line with what it checks: two tests saying the same words
/// read as one test listed twice, so each has its own, in both languages.</summary>
public sealed class DataTestDescriptionTests
{
    [Fact]
    public void Every_data_test_says_in_its_own_words_what_it_checks()
    {
        Assert.Empty(DataTests.All.GroupBy(t => t.Rule).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(DataTests.All.GroupBy(t => t.RuleZh).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void The_department_version_tests_name_the_date_each_judges_by()
    {
        string Rule(string name) => DataTests.All.Single(t => t.Name == name).RuleZh;
        Assert.Equal("检查的部门键指向检查月份第一天有效的部门版本", Rule("expression:fact_check.department_version"));
        Assert.Equal("投诉的部门键指向受理当日有效的部门版本", Rule("expression:fact_complaint.department_version"));
        Assert.Equal("回访的部门键指向回访当日有效的部门版本", Rule("expression:fact_callback.department_version"));
        Assert.Contains("day it was received", DataTests.All.Single(t => t.Name == "expression:fact_complaint.department_version").Rule, StringComparison.Ordinal);
    }
}
