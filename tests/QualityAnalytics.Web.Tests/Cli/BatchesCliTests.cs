using System.Security.Cryptography;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa batches`: a batch with its source files, their paths and sha256 hashes, as the contract describes a batch;
/// in text for one batch (--batch N), in JSON for every batch listed.</summary>
public sealed class BatchesCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    private string Sha256Of(string relative) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_qa.Folder, relative))));

    private long SizeOf(string relative) => new FileInfo(Path.Combine(_qa.Folder, relative)).Length;

    private void LoadThreeFiles()
    {
        _qa.Write("dept.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("f/d1/投诉.csv", "complaint_id,department,received_at,channel,valid\nA-1,LOG,2026-04-03,电话,是\n");
        _qa.Write("f/bad.csv", "complaint_id,department\nX,LOG\n");
        Assert.Equal(1, _qa.Run("load", "dept.csv", "f/d1", "f/bad.csv").Exit);
    }

    [Fact]
    public void One_batch_lists_each_file_with_its_path_hash_size_and_counts()
    {
        LoadThreeFiles();

        var (exit, output, _) = _qa.Run("batches", "--batch", "1");

        Assert.Equal(0, exit);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("batch 1  ", lines[0]);
        Assert.Contains("partial   by ", lines[0]);
        var complaints = Path.Combine("f", "d1", "投诉.csv");
        Assert.Equal(
        [
            $"  dept.csv: sha256 {Sha256Of("dept.csv")}, {SizeOf("dept.csv")} bytes; departments: read 1, new 1, updated 0, unchanged 0, quarantined 0",
            $"  {complaints}: sha256 {Sha256Of(complaints)}, {SizeOf(complaints)} bytes; complaints: read 1, new 1, updated 0, unchanged 0, quarantined 0",
            $"  {Path.Combine("f", "bad.csv")}: sha256 {Sha256Of("f/bad.csv")}, {SizeOf("f/bad.csv")} bytes; REJECTED: looks like complaints but lacks required column(s) received_at (受理时间), channel (投诉渠道), valid (是否有效)",
        ], lines[1..]);
    }

    [Fact]
    public void The_list_points_to_the_detail_and_an_unknown_batch_is_a_usage_error()
    {
        LoadThreeFiles();

        var (_, output, _) = _qa.Run("batches");
        Assert.Contains("batch 1  ", output);
        Assert.Contains("qa batches --batch N", output);
        Assert.DoesNotContain("dept.csv", output); // the files only in the detail

        var (exit, _, error) = _qa.Run("batches", "--batch", "9");
        Assert.Equal(2, exit);
        Assert.Contains("there is no batch 9", error);
    }

    [Fact]
    public void Json_gives_every_batch_with_its_counts_and_its_files_paths_and_hashes()
    {
        LoadThreeFiles();
        _qa.Run("load", "dept.csv");

        var (exit, output, _) = _qa.Run("batches", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var batches = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([2L, 1L], batches.Select(b => b.GetProperty("batch_id").GetInt64()));
        var first = batches[1];
        Assert.Equal(("partial", 2, 1), (first.GetProperty("status").GetString(), first.GetProperty("read").GetInt32(), first.GetProperty("rejected").GetInt32()));
        Assert.Equal(3, first.GetProperty("files").GetArrayLength());
        Assert.EndsWith("+08:00", first.GetProperty("started_at").GetString());
        var file = first.GetProperty("files")[1];
        Assert.Equal(Path.Combine("f", "d1", "投诉.csv"), file.GetProperty("file").GetString());
        Assert.Equal(Sha256Of("f/d1/投诉.csv"), file.GetProperty("sha256").GetString());
        Assert.Equal("complaints", file.GetProperty("kind").GetString());
        Assert.Equal((1, false), (file.GetProperty("loaded").GetInt32(), file.GetProperty("rejected").GetBoolean()));
        var rejected = first.GetProperty("files")[2];
        Assert.True(rejected.GetProperty("rejected").GetBoolean());
        Assert.StartsWith("bad.csv: looks like complaints", rejected.GetProperty("reason").GetString());
        Assert.Equal(Sha256Of("dept.csv"), batches[0].GetProperty("files")[0].GetProperty("sha256").GetString());

        var one = JsonDocument.Parse(_qa.Run("batches", "--batch", "1", "--format", "json").Out).RootElement;
        Assert.Equal(1L, one.EnumerateArray().Single().GetProperty("batch_id").GetInt64());
    }
}
