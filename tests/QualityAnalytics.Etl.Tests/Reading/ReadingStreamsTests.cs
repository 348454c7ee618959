using System.Security.Cryptography;
using System.Text;
using QualityAnalytics.Etl.Reading;

namespace QualityAnalytics.Etl.Tests.Reading;

/// <summary>The streams a text file's rows are read through: the UTF-8 check that replaces the detector's whole-file
/// pass for the loader, and the hash computed on the way.</summary>
public sealed class ReadingStreamsTests
{
    private static readonly int[] ReadSizes = [1, 2, 3, 5, 7, 4096, 65536];

    /// <summary>A reader handing out at most <paramref name="size"/> bytes per read, so every character is cut by a read
    /// somewhere.</summary>
    private sealed class Trickle(byte[] bytes, int size) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(size, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(size, count));
    }

    private static byte[] ReadAll(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy, 4096);
        return copy.ToArray();
    }

    private static byte[] MixedUtf8(int seed, int characters)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        string[] samples = ["a", "7", ",", "\n", "é", "质", "量", "部", "\u3000", "😀", "𠀀"];
        for (var i = 0; i < characters; i++) text.Append(samples[random.Next(samples.Length)]);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The offset the whole-file check of the detector reports: the first byte where decoding fails.</summary>
    private static long FirstInvalid(byte[] bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(at), out _, out var used) != System.Buffers.OperationStatus.Done) return at;
            at += used;
        }
        return -1;
    }

    [Fact]
    public void Valid_utf8_passes_through_unchanged_however_the_reads_cut_its_characters()
    {
        var bytes = MixedUtf8(1, 5_000);
        foreach (var size in ReadSizes)
        {
            using var stream = new Utf8CheckingStream(new Trickle(bytes, size), 0, offset => new InvalidDataException($"{offset}"));
            Assert.Equal(bytes, ReadAll(stream));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_first_invalid_byte_is_reported_at_the_offset_the_whole_file_check_reports(int damage)
    {
        var random = new Random(damage);
        for (var trial = 0; trial < 40; trial++)
        {
            var bytes = MixedUtf8(100 * damage + trial, 300);
            // An ASCII byte's place: replacing part of a multi-byte character could leave another valid one.
            var ascii = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] < 0x80).ToArray();
            var at = ascii[random.Next(ascii.Length)];
            // A stray continuation byte, a lead byte with nothing after it, an over-long form, a byte never valid, a truncated end.
            switch (damage)
            {
                case 0: bytes[at] = 0x80; break;
                case 1: bytes[at] = 0xE4; break;
                case 2: bytes = [.. bytes[..at], 0xC0, 0xAF, .. bytes[at..]]; break;
                case 3: bytes[at] = 0xFF; break;
                case 4: bytes = [.. bytes, 0xE8, 0xB4]; break;
            }
            var expected = FirstInvalid(bytes);
            Assert.True(expected >= 0);
            foreach (var size in ReadSizes)
            {
                using var stream = new Utf8CheckingStream(new Trickle(bytes, size), 10, offset => new InvalidDataException($"{offset}"));
                var e = Assert.Throws<InvalidDataException>(() => ReadAll(stream));
                Assert.Equal($"{expected + 10}", e.Message);
            }
        }
    }

    [Fact]
    public void The_hash_covers_every_byte_read_and_is_known_once_the_end_is_read()
    {
        var bytes = MixedUtf8(7, 100_000);
        using var stream = new HashingStream(new Trickle(bytes, 4093));
        stream.ReadExactly(new byte[1000]);
        Assert.Null(stream.Sha256);
        ReadAll(stream);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stream.Sha256);
        Assert.Equal(bytes.Length, stream.BytesRead);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    public void A_csv_read_to_its_end_knows_the_sha256_of_the_whole_file_byte_order_mark_included(string encoding)
    {
        var text = "complaint_id,customer\n" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"TS-{i},客户{i % 17}\n"));
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.GetEncoding(54936).GetBytes(text),
        };
        using var folder = new TempFolder();
        var path = folder.WriteBytes("complaints.csv", bytes);
        using var source = Assert.Single(TabularFile.Open(path, wholeFile: false));
        Assert.Equal(encoding, source.EncodingName);
        Assert.Null(source.ContentSha256);

        Assert.Equal(3000, source.ReadRows().Count());

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), source.ContentSha256);
    }

    [Fact]
    public void A_file_that_starts_as_utf8_and_is_not_is_refuted_while_read_at_its_first_invalid_byte()
    {
        var ascii = string.Concat(Enumerable.Range(1, 8000).Select(i => $"D{i},plain ascii\n"));
        var bytes = Encoding.GetEncoding(54936).GetBytes("code,name\n" + ascii + "D-last,质量部\n");
        using var folder = new TempFolder();
        var path = folder.WriteBytes("departments.csv", bytes);
        using var source = Assert.Single(TabularFile.Open(path, wholeFile: false));
        Assert.Equal("utf-8", source.EncodingName); // judged from its first 64 KiB

        var e = Assert.Throws<EncodingRefutedException>(() => source.ReadRows().Count());

        Assert.Equal(FirstInvalid(bytes), e.Offset);
    }

    [Fact]
    public void Invalid_utf8_far_after_a_byte_order_mark_rejects_the_file_as_the_whole_file_check_did()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i},质量\n"))), 0xC3, 0x28, .. "\n"u8];
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bom.csv", bytes);
        var whole = Assert.Throws<FileRejectedException>(() => TabularFile.Open(path));
        using var source = Assert.Single(TabularFile.Open(path, wholeFile: false));

        var whileRead = Assert.Throws<FileRejectedException>(() => source.ReadRows().Count());

        Assert.Equal(whole.Message, whileRead.Message);
        Assert.Contains($"invalid byte 0xC3 on line 20002, at offset {bytes.Length - 3}", whileRead.Reason);
    }
}
