namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>A table heading that orders the lines, as the explore page's table and matrix have them: the first click
/// puts the biggest first (empty values last), marks the heading aria-sort="descending" and puts the order into the
/// address and the export's link; the second click orders the other way (empty values still last).</summary>
internal static class HeadingOrder
{
    /// <param name="heading">The heading (a th holding a button).</param>
    /// <param name="values">The ordered column's values, line by line, null where empty.</param>
    /// <param name="order">The order's name in the address ("complaints_change").</param>
    public static async Task ClickTwiceAndCheck(Session session, string heading, Func<Task<decimal?[]>> values, string order)
    {
        await session.AndSettle(() => session.Page.Locator(heading + " button").ClickAsync());
        var descending = await values();
        var known = descending.TakeWhile(v => v is not null).ToList();
        Assert.True(known.Count >= 3, $"{known.Count} values to order");
        Assert.Equal(known.OrderDescending(), known);
        Assert.All(descending.Skip(known.Count), v => Assert.Null(v));
        Assert.Equal("descending", await session.Page.GetAttributeAsync(heading, "aria-sort"));
        Assert.Contains($"order={order}+desc", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains($"order={order}+desc", await session.Page.GetAttributeAsync("#table-explore >> xpath=ancestor::section >> [data-export=csv]", "href"), StringComparison.Ordinal);

        await session.AndSettle(() => session.Page.Locator(heading + " button").ClickAsync());
        var ascending = await values();
        var present = ascending.TakeWhile(v => v is not null).ToList();
        Assert.Equal(present.Order(), present);
        Assert.Equal(known.Count, present.Count);
    }

    /// <summary>The numbers of the cells a selector finds as shown ("+3", "−2", "1,234", "–" for empty).</summary>
    public static async Task<decimal?[]> Numbers(Session session, string cells) =>
        (await session.Page.Locator(cells).AllInnerTextsAsync())
            .Select(v => v == "–" ? (decimal?)null : decimal.Parse(v.TrimStart('+').Replace('\u2212', '-'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
