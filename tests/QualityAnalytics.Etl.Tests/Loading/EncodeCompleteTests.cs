using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>The staging thread encodes a prepared row for SQLite only when it is complete: a row that still holds a
/// customer or category name (first seen in this load) is left to the writing thread, which turns the name into a key
/// and converts the values itself, so a row is never stored with a stale encoding. An encoding is exactly the values'.</summary>
public sealed class EncodeCompleteTests
{
    private static readonly StagedComplaint Complaint = new(2, "TS1", "LOG", new DateTime(2026, 5, 1, 9, 5, 0), 1, true, "某公司", "服务态度",
        "描述", null, null, null, null, null);

    private static object?[] Values(object? customer, object? category) =>
        ["TS1", 3, new DateTime(2026, 5, 1, 9, 5, 0), 20260501, 20262, 1, true, customer, category, "描述", null, null, null, null, null];

    [Fact]
    public void A_row_whose_names_are_all_keys_is_complete_and_encoded_exactly_as_its_values()
    {
        var values = Values(17, 4);
        Assert.True(FactRowWriter.IsComplete(Complaint, values));
        Assert.True(FactRowWriter.IsComplete(Complaint, Values(null, null)));
        Assert.True(SqliteRowEncoding.TryEncode(values, out var entries));
        Assert.Equal(entries.ToArray(), EncodedRow.Of(values).Entries.ToArray());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void A_row_still_holding_a_customer_or_category_name_is_not_complete(bool customerName, bool categoryName)
    {
        var values = Values(customerName ? "新客户" : 17, categoryName ? "新类别" : 4);
        Assert.False(FactRowWriter.IsComplete(Complaint, values));
    }
}
