using System.Xml.Linq;

namespace QualityAnalytics.Web.Tests.Architecture;

/// <summary>architecture.md: data moves one way. warehouse references nothing of ours; etl and reports only warehouse;
/// web (the host) all of them. Read from the project files themselves, so a new reference fails here at once.</summary>
public sealed class LayeringTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["QualityAnalytics.Warehouse"] = [],
        ["QualityAnalytics.Etl"] = ["QualityAnalytics.Warehouse"],
        ["QualityAnalytics.Reports"] = ["QualityAnalytics.Warehouse"],
        ["QualityAnalytics.Web"] = ["QualityAnalytics.Warehouse", "QualityAnalytics.Etl", "QualityAnalytics.Reports"],
    };

    public static TheoryData<string> Projects => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_what_the_architecture_allows(string project)
    {
        var references = ReferencesOf(project);
        var forbidden = references.Except(Allowed[project]).ToList();
        Assert.True(forbidden.Count == 0, $"{project} may not reference {string.Join(", ", forbidden)} (see architecture.md)");
    }

    [Fact]
    public void The_check_itself_sees_the_real_references() =>
        Assert.Equal(["QualityAnalytics.Warehouse"], ReferencesOf("QualityAnalytics.Etl"));

    [Fact]
    public void Every_product_project_in_the_repository_is_covered()
    {
        var found = Directory.EnumerateFiles(RepositoryRoot(), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(p => Path.GetFileNameWithoutExtension(p)!).Order().ToList();
        Assert.Equal(Allowed.Keys.Order().ToList(), found);
    }

    private static List<string> ReferencesOf(string project)
    {
        var path = Directory.EnumerateFiles(RepositoryRoot(), project + ".csproj", SearchOption.AllDirectories).Single(p => !p.Contains("/tests/"));
        return XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QualityAnalytics.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("QualityAnalytics.sln not found above the test's folder.");
    }
}
