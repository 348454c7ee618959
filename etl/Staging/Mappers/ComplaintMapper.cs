using System.Runtime.CompilerServices;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Staging.Mappers;

internal sealed class ComplaintMapper : IStagingMapper
{
    public DataKind Kind => DataKind.Complaints;

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StagedRow? Stage(RowReader row, int line)
    {
        var id = row.Required("complaint_id");
        var department = row.Required("department");
        var received = row.RequiredDateTime("received_at");
        var channelText = row.Required("channel");
        var channel = channelText.Length == 0 ? null : ChannelCatalog.Find(channelText);
        if (channelText.Length > 0 && channel is null) row.Fail("channel", channelText, "must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他");
        var valid = row.RequiredBool("valid");
        var replied = row.OptionalDateTime("replied_at");
        var resolved = row.OptionalDateTime("resolved_at");
        var receivedOk = !row.HasErrorIn("received_at");
        // Named as the file heads it (is before 受理时间), so the sender finds the column the reason compares with.
        if (receivedOk && replied < received) row.Fail("replied_at", row.Optional("replied_at"), BeforeReceived(row));
        if (receivedOk && resolved < received) row.Fail("resolved_at", row.Optional("resolved_at"), BeforeReceived(row));
        var deduction = row.OptionalDecimal("direct_deduction");
        if (deduction is { } d) row.RequireRange("direct_deduction", d, 0, 100);
        var satisfaction = Satisfaction(row);
        return row.HasErrors || channel is null
            ? null
            : new StagedComplaint(line, id, department, received, channel.Key, valid, row.Optional("customer"), row.Optional("category"),
                row.Optional("description"), replied, resolved, deduction, row.Optional("handler"), satisfaction);
    }

    private static string BeforeReceived(RowReader row) => "is before " + row.HeaderOf("received_at");

    private static string? Satisfaction(RowReader row)
    {
        var text = row.Optional("satisfaction");
        if (text is null) return null;
        // As written first: lower-casing allocates a string per row (and asks ICU for Chinese text).
        var level = Level(text) ?? Level(text.ToLowerInvariant());
        // The contract leaves this optional field's values open: a word not known here must not cost a valid complaint
        // its place in the score (quarantining it did). The complaint loads without it, and the data desk sees why.
        if (level is null) row.Warn("satisfaction", text, UnknownSatisfaction);
        return level is null or NotAsked ? null : level;
    }

    internal const string UnknownSatisfaction =
        "is not a satisfaction the loader knows (满意, 基本满意, 不满意, 未回访); the complaint is loaded with satisfaction empty";

    /// <summary>The customer was not asked (or gave no rating): stored as no satisfaction, like an empty cell.</summary>
    private const string NotAsked = "not asked";

    private static string? Level(string word) => word switch
    {
        "满意" or "非常满意" or "较满意" or "比较满意" or "satisfied" or "very satisfied" => "satisfied",
        "基本满意" or "一般" or "neutral" => "neutral",
        "不满意" or "非常不满意" or "较不满意" or "比较不满意" or "dissatisfied" or "very dissatisfied" => "dissatisfied",
        "未回访" or "未评价" or "无" or "not asked" => NotAsked,
        _ => null,
    };
}
