using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Warehouse.Tests.Contract;

/// <summary>The data desk, its export and the report name a quarantined cell as the department's reader knows it.</summary>
public sealed class FieldNamesTests
{
    [Fact]
    public void A_contract_field_reads_with_its_Chinese_header_in_Chinese_and_as_recorded_in_English()
    {
        Assert.Equal("受理时间（received_at）", FieldNames.Label("complaints", "received_at", chinese: true));
        Assert.Equal("received_at", FieldNames.Label("complaints", "received_at", chinese: false));
    }

    [Fact]
    public void A_cell_past_the_header_reads_by_its_place_in_either_language()
    {
        Assert.Equal("第 8 列", FieldNames.Label("complaints", FieldNames.Position("8"), chinese: true));
        Assert.Equal("H 列", FieldNames.Label("complaints", FieldNames.Position("H"), chinese: true));
        Assert.Equal("column 8", FieldNames.Label("complaints", FieldNames.Position("8"), chinese: false));
    }
}
