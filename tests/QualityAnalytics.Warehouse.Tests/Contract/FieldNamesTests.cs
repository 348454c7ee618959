using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Warehouse.Tests.Contract;

/// <summary>The data desk, its export, `qa` and the report name a quarantined cell as the department's file heads it,
/// with the other name beside it; a changed row's field (by its contract name) reads as before.</summary>
public sealed class FieldNamesTests
{
    [Fact]
    public void A_contract_field_reads_with_its_Chinese_header_in_Chinese_and_as_recorded_in_English()
    {
        Assert.Equal("受理时间（received_at）", FieldNames.Label("complaints", "received_at", chinese: true));
        Assert.Equal("received_at", FieldNames.Label("complaints", "received_at", chinese: false));
    }

    [Fact]
    public void A_column_the_file_headed_in_Chinese_reads_as_written_with_its_English_key_beside()
    {
        Assert.Equal("受理时间（received_at）", FieldNames.Recorded("complaints", "受理时间", chinese: true));
        Assert.Equal("受理时间 (received_at)", FieldNames.Recorded("complaints", "受理时间", chinese: false));
    }

    [Fact]
    public void A_column_the_file_headed_in_English_reads_as_written_with_its_Chinese_name_on_a_Chinese_page()
    {
        // Also every row recorded before columns were recorded as written: they hold the English name.
        Assert.Equal("received_at（受理时间）", FieldNames.Recorded("complaints", "received_at", chinese: true));
        Assert.Equal("received_at", FieldNames.Recorded("complaints", "received_at", chinese: false));
        Assert.Equal("Received At（受理时间）", FieldNames.Recorded("complaints", "Received At", chinese: true));
        Assert.Equal("Received At", FieldNames.Recorded("complaints", "Received At", chinese: false));
    }

    [Fact]
    public void A_column_headed_with_both_names_reads_as_written_in_either_language()
    {
        Assert.Equal("received_at (受理时间)", FieldNames.Recorded("complaints", "received_at (受理时间)", chinese: true));
        Assert.Equal("受理时间（received_at）", FieldNames.Recorded("complaints", "受理时间（received_at）", chinese: false));
    }

    [Theory]
    [InlineData("checks", "得分", "score")]
    [InlineData("surveys", "评分", "score")]
    [InlineData("checks", "score", "score")]
    [InlineData("complaints", "Received At", "received_at")]
    [InlineData("complaints", "投诉渠道 (channel)", "channel")]
    [InlineData("departments", "部门编码", "code")]
    [InlineData("checks", "部门编码", "department")]
    [InlineData("complaints", "column 8", "column 8")]
    [InlineData(null, "得分", "得分")]
    public void The_key_of_a_column_is_the_contract_name_its_kind_gives_the_header(string? kind, string column, string key) =>
        Assert.Equal(key, FieldNames.Key(kind, column));

    [Fact]
    public void A_cell_past_the_header_reads_by_its_place_in_either_language()
    {
        Assert.Equal("第 8 列", FieldNames.Recorded("complaints", FieldNames.Position("8"), chinese: true));
        Assert.Equal("H 列", FieldNames.Recorded("complaints", FieldNames.Position("H"), chinese: true));
        Assert.Equal("column 8", FieldNames.Recorded("complaints", FieldNames.Position("8"), chinese: false));
    }
}
