namespace QualityAnalytics.Warehouse.Schema;

/// <summary>The complaint channels of the data contract. Fixed reference data: the contract names exactly these.</summary>
public static class ChannelCatalog
{
    public sealed record Channel(int Key, string Code, string Name);

    public static readonly IReadOnlyList<Channel> All =
    [
        new(1, "phone", "电话"),
        new(2, "email", "邮件"),
        new(3, "web", "网站"),
        new(4, "box", "意见箱"),
        new(5, "other", "其他"),
    ];

    /// <summary>Matches the Chinese name or the English word (phone, email, web, suggestion box, other).</summary>
    public static Channel? Find(string text)
    {
        var t = text.Trim();
        // By index: a foreach over the interface allocates an enumerator, and a bulk load asks once per complaint.
        for (var i = 0; i < All.Count; i++)
        {
            var c = All[i];
            if (t == c.Name || string.Equals(t, c.Code, StringComparison.OrdinalIgnoreCase)) return c;
        }
        return t.ToLowerInvariant() switch
        {
            "suggestion box" or "suggestion-box" or "suggestion_box" => All[3],
            "e-mail" or "mail" => All[1],
            "website" or "online" => All[2],
            "telephone" or "tel" => All[0],
            _ => null,
        };
    }
}
