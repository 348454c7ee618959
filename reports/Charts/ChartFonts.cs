using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using ScottPlot;
using SkiaSharp;

namespace QualityAnalytics.Reports.Charts;

/// <summary>
/// Lets ScottPlot draw with a typeface we already hold (the PDF's one subset typeface), so text and charts share
/// one embedded font. ScottPlot finds typefaces by name through its resolvers and caches them by name forever;
/// each lease therefore gets a name of its own, and ending the lease drops the name from our resolver and from
/// ScottPlot's cache. Every weight and slant of a leased name resolves to the same typeface: ScottPlot asks for
/// bold titles, and a real bold face is not there (fake bold would turn text into outlines).
/// </summary>
public static class ChartFonts
{
    private static readonly ConcurrentDictionary<string, SKTypeface> Leased = new();
    private static readonly object ResolverGate = new();
    private static bool resolverInstalled;
    private static long leaseCount;

    /// <summary>Makes <paramref name="typeface"/> known to ScottPlot under a fresh name until the lease is disposed.</summary>
    public static ChartFontLease Lease(SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        InstallResolver();
        var name = $"QualityAnalytics.Lease{Interlocked.Increment(ref leaseCount)}";
        Leased[name] = typeface;
        return new ChartFontLease(name);
    }

    /// <summary>
    /// Sets every text of the plot we can reach (title, axis labels, ticks, legend, labelled plottables) to
    /// <paramref name="fontName"/>; disposing the result puts the previous names back. Unlike
    /// <c>plot.Font.Set</c> it leaves ScottPlot's global default font alone.
    /// </summary>
    public static IDisposable Apply(Plot plot, string fontName)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var undo = new List<Action>();
        foreach (var label in Labels(plot))
        {
            var previous = label.FontName;
            label.FontName = fontName;
            undo.Add(() => label.FontName = previous);
        }
        var legendFont = plot.Legend.FontName;
        var legendBest = plot.Legend.SetBestFontOnEachRender;
        plot.Legend.FontName = fontName;
        plot.Legend.SetBestFontOnEachRender = false;
        undo.Add(() =>
        {
            plot.Legend.FontName = legendFont;
            plot.Legend.SetBestFontOnEachRender = legendBest;
        });
        return new Undo(undo);
    }

    private static IEnumerable<LabelStyle> Labels(Plot plot)
    {
        yield return plot.Axes.Title.Label;
        foreach (var axis in plot.Axes.GetAxes())
        {
            yield return axis.Label;
            yield return axis.TickLabelStyle;
        }
        // Plottables carry their own label styles (bar values, text annotations) under various property names.
        foreach (var plottable in plot.GetPlottables())
        {
            foreach (var property in plottable.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType == typeof(LabelStyle) && property.CanRead && property.GetIndexParameters().Length == 0
                    && property.GetValue(plottable) is LabelStyle style)
                {
                    yield return style;
                }
            }
        }
    }

    internal static void Release(string name)
    {
        Leased.TryRemove(name, out _);
        ForgetCachedTypefaces(name);
    }

    private static void InstallResolver()
    {
        lock (ResolverGate)
        {
            if (!resolverInstalled)
            {
                Fonts.FontResolvers.Insert(0, new LeaseResolver());
                resolverInstalled = true;
            }
        }
    }

    /// <summary>
    /// ScottPlot keeps every resolved typeface in a private static cache keyed by (name, weight, slant, width).
    /// Leased names are never asked for again, so leaving them would only hold the subset fonts in memory; we remove
    /// them by reflection. If a later ScottPlot renames the field, the entries stay (a small leak, nothing breaks).
    /// </summary>
    private static void ForgetCachedTypefaces(string name)
    {
        var field = typeof(Fonts).GetField("TypefaceCache", BindingFlags.NonPublic | BindingFlags.Static);
        if (field?.GetValue(null) is not IDictionary cache)
        {
            return;
        }
        foreach (var key in cache.Keys.Cast<object>().ToList())
        {
            if (key is ITuple tuple && tuple.Length > 0 && Equals(tuple[0], name))
            {
                cache.Remove(key);
            }
        }
    }

    private sealed class LeaseResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            Leased.TryGetValue(fontName, out var typeface) ? typeface : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            Leased.TryGetValue(fontName, out var typeface) ? typeface : null;
    }

    private sealed class Undo(List<Action> actions) : IDisposable
    {
        public void Dispose()
        {
            for (var i = actions.Count - 1; i >= 0; i--)
            {
                actions[i]();
            }
        }
    }
}

/// <summary>A name under which ScottPlot resolves a leased typeface; dispose to forget it.</summary>
public sealed class ChartFontLease(string name) : IDisposable
{
    public string Name { get; } = name;

    public void Dispose() => ChartFonts.Release(Name);
}
