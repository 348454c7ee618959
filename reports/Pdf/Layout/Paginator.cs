namespace QualityAnalytics.Reports.Pdf.Layout;

/// <summary>Flows fragments onto pages of a given content height.</summary>
internal static class Paginator
{
    public static IReadOnlyList<IReadOnlyList<PlacedFragment>> Paginate(IReadOnlyList<Fragment> fragments, float contentHeight)
    {
        var pages = new List<List<PlacedFragment>> { new() };
        var y = 0f;
        for (var i = 0; i < fragments.Count; i++)
        {
            var fragment = fragments[i];
            if (fragment.BreaksPage)
            {
                // A soft break on a page still mostly empty (the tail of the section before) is no break: the next
                // section follows on this page rather than leaving it nearly blank.
                if (fragment.SoftBreak && y < contentHeight * PageBreakBlock.SoftBreakFill) continue;
                if (pages[^1].Count > 0)
                {
                    NewPage();
                }
                continue;
            }
            if (pages[^1].Count > 0 && y + Required(fragments, i) > contentHeight)
            {
                NewPage();
            }
            var page = pages[^1];
            if (page.Count == 0 && fragment.RepeatedHeader is { } header)
            {
                page.Add(new PlacedFragment(header, 0));
                y = header.Height;
            }
            var top = page.Count == 0 ? 0 : y + fragment.SpaceBefore;
            page.Add(new PlacedFragment(fragment, top));
            y = top + fragment.Height;
        }
        return pages;

        void NewPage()
        {
            pages.Add([]);
            y = 0;
        }
    }

    /// <summary>
    /// Height the fragment needs on the current page: itself, plus every fragment it must keep with
    /// (a heading and the first line of what follows it), so that no heading is left alone at a page's foot.
    /// </summary>
    private static float Required(IReadOnlyList<Fragment> fragments, int index)
    {
        var fragment = fragments[index];
        var required = fragment.SpaceBefore + fragment.Height;
        for (var j = index; fragments[j].KeepWithNext && j + 1 < fragments.Count && !fragments[j + 1].BreaksPage; j++)
        {
            required += fragments[j + 1].SpaceBefore + fragments[j + 1].Height;
        }
        return required;
    }
}
