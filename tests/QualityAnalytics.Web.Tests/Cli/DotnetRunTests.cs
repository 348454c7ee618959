using System.Diagnostics;
using System.Text.Json;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>The data contract runs <c>qa</c> as <c>dotnet run --project web -- VERB</c>. The web SDK starts a web
/// project in its own folder unless told otherwise, which made <c>load files</c> typed in a user's folder look for
/// web/files and put the default warehouse in web/data. The real <c>dotnet run</c>, the way a user or another tool
/// calls it.</summary>
public sealed class DotnetRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-dotnet-run-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Dotnet_run_takes_the_paths_and_the_default_data_folder_from_where_the_command_was_typed()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "files"));
        File.WriteAllText(Path.Combine(_folder, "files", "departments.csv"), "部门编码,部门名称\nT01,测试部\n");
        // The web project as this test run built it (bin/<configuration>/net10.0 of the tests).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet",
            ["run", "--project", Path.Combine(LayeringTests.RepositoryRoot(), "web"), "--no-build", "-c", configuration, "--", "load", "files", "--format", "json"])
        {
            WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var qa = Process.Start(start)!;
        var error = qa.StandardError.ReadToEndAsync();
        var output = await qa.StandardOutput.ReadToEndAsync();
        await qa.WaitForExitAsync();

        Assert.True(qa.ExitCode == 0, output + await error);
        var summary = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal(1, summary.GetProperty("loaded").GetInt32());
        Assert.True(File.Exists(Path.Combine(_folder, "data", "warehouse.db")), $"no data/warehouse.db in {_folder}: {output}");
    }
}
