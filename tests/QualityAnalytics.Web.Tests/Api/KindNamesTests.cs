using System.Globalization;
using System.Xml.Linq;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Web.Tests.Architecture;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The data desk and the report's data-lineage tables name a file's kind (部门, 投诉…) and a batch's status (成功…) in
/// the reader's language, not by the identifiers stored: every kind the loader recognises and every status it records has
/// its words in both languages.</summary>
public sealed class KindNamesTests
{
    public static TheoryData<string> Kinds() => [.. Enum.GetValues<DataKind>().Select(k => k.Name())];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_report_names_the_kind_in_Chinese_and_in_English(string kind)
    {
        var zh = new ReportText(CultureInfo.GetCultureInfo("zh-CN")).Find("Kind." + kind);
        var en = new ReportText(CultureInfo.GetCultureInfo("en")).Find("Kind." + kind);
        Assert.NotNull(zh);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        Assert.NotNull(en);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_data_desk_names_the_kind_in_Chinese_and_in_English(string kind)
    {
        var zh = Strings("zh-CN").GetValueOrDefault("js.data.kind." + kind);
        var en = Strings("en").GetValueOrDefault("js.data.kind." + kind);
        Assert.NotNull(zh);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        Assert.NotNull(en);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", en);
    }

    [Theory]
    [InlineData("succeeded")]
    [InlineData("partial")]
    [InlineData("failed")]
    [InlineData("running")]
    public void The_report_names_a_batch_status_in_Chinese_and_in_English(string status)
    {
        var zh = new ReportText(CultureInfo.GetCultureInfo("zh-CN")).Find("BatchStatus." + status);
        Assert.NotNull(zh);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        Assert.NotNull(new ReportText(CultureInfo.GetCultureInfo("en")).Find("BatchStatus." + status));
        // The dashboard has the same words.
        Assert.Equal(zh, Strings("zh-CN")["js.data.status." + status]);
    }

    [Fact]
    public void A_kind_this_version_has_no_words_for_is_shown_as_stored() =>
        Assert.Null(new ReportText(CultureInfo.GetCultureInfo("zh-CN")).Find("Kind.no_such_kind"));

    private static Dictionary<string, string> Strings(string culture) =>
        XDocument.Load(Path.Combine(LayeringTests.RepositoryRoot(), "web", "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
}
