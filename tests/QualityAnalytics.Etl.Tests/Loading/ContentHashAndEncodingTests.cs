using System.Security.Cryptography;
using System.Text;
using MiniExcelLibs;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>The loader reads a text file once: its content hash and its UTF-8 check ride along with the reading of its
/// rows. What the audit records and what is loaded must be what the separate passes gave before.</summary>
public sealed class ContentHashAndEncodingTests : IDisposable
{
    private static readonly Encoding Gb18030 = Encoding.GetEncoding(54936);
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private string? RecordedSha256(string fileName) => (string?)_w.Scalar($"SELECT sha256 FROM source_file WHERE file_name = '{fileName}'");

    [Fact]
    public void The_recorded_content_hash_is_the_sha256_of_each_file_loaded_or_refused()
    {
        var departments = _w.Write("departments.csv", Samples.Departments, new UTF8Encoding(true));
        var complaints = _w.Write("complaints.csv", Samples.Complaints, Gb18030);
        var unknown = _w.Write("notes.csv", "whatever,this,is\n1,2,3\n");
        var workbook = Path.Combine(_w.Inbox, "book.xlsx");
        MiniExcel.SaveAs(workbook, new Dictionary<string, object>
        {
            ["callbacks"] = new List<Dictionary<string, object?>>
            {
                new() { ["callback_id"] = "CB-1", ["department"] = "LOG", ["called_on"] = "2026-05-06", ["finding"] = "no" },
            },
        });

        var result = _w.Load(_w.Inbox);

        Assert.Equal(4, result.Files.Count);
        foreach (var path in new[] { departments, complaints, unknown, workbook })
            Assert.Equal(Sha256Of(path), RecordedSha256(Path.GetFileName(path)));
        Assert.True(result.Files.Single(f => f.File.EndsWith("notes.csv", StringComparison.Ordinal)).Rejected);
    }

    [Fact]
    public void A_file_ascii_for_its_first_64_KiB_and_gb18030_after_loads_once_as_gb18030()
    {
        _w.Write("departments.csv", Samples.Departments);
        var text = new StringBuilder("complaint_id,department,received_at,channel,valid,customer\n");
        for (var i = 1; i <= 1500; i++) text.Append($"A-{i:D4},LOG,2026-05-{1 + i % 28:D2} 10:00,phone,Y,Customer {i % 9}\n");
        text.Append("A-bad,LOG,not a date,phone,Y,Customer 1\n"); // quarantined, once
        for (var i = 1; i <= 300; i++) text.Append($"G-{i:D4},STO,2026-06-{1 + i % 28:D2} 09:30,电话,是,客户{i % 5}\n");
        var path = _w.Write("complaints.csv", text.ToString(), Gb18030);
        Assert.True(Encoding.UTF8.GetByteCount(text.ToString()[..text.ToString().IndexOf('电')]) > 64 * 1024);

        var file = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");

        Assert.Equal(("gb18030", 1801, 1800, 1), (file.Encoding, file.Read, file.Loaded, file.Quarantined));
        Assert.Equal(1800, _w.Count("fact_complaint"));
        Assert.Equal(1, _w.Count("quarantined_row"));
        Assert.Equal(1, _w.Count("source_file", "file_name = 'complaints.csv'"));
        Assert.Equal("gb18030", _w.Scalar("SELECT encoding FROM source_file WHERE file_name = 'complaints.csv'"));
        Assert.Equal(Sha256Of(path), RecordedSha256("complaints.csv"));
        Assert.Equal("客户3", _w.Scalar("SELECT c.name FROM fact_complaint f JOIN dim_customer c ON c.customer_key = f.customer_key WHERE f.complaint_id = 'G-0003'"));
        Assert.Equal(5 + 9, _w.Count("dim_customer"));
    }

    [Fact]
    public void A_utf8_file_with_an_invalid_byte_far_down_is_refused_whole_with_the_byte_and_its_offset()
    {
        _w.Write("departments.csv", Samples.Departments);
        var text = new StringBuilder("complaint_id,department,received_at,channel,valid\n");
        for (var i = 1; i <= 3000; i++) text.Append($"U-{i:D4},LOG,2026-05-{1 + i % 28:D2} 10:00,电话,是\n");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.ToString()), .. "U-9999,LOG,2026-05-01 10:00,"u8, 0xFF, .. "电话,是\n"u8];
        var path = Path.Combine(_w.Inbox, "complaints.csv");
        File.WriteAllBytes(path, bytes);

        var file = _w.Load(_w.Inbox).Files.Single(f => f.File == path);

        Assert.True(file.Rejected, file.Reason);
        Assert.Contains($"cannot be decoded as UTF-8 (it starts with a UTF-8 byte order mark) (invalid byte 0xFF on line 3002, at offset {Array.IndexOf(bytes, (byte)0xFF)})", file.Reason);
        Assert.Equal(0, _w.Count("fact_complaint"));
        Assert.Equal(Sha256Of(path), RecordedSha256("complaints.csv"));
    }
}
