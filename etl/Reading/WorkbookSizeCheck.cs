using System.Globalization;
using System.IO.Compression;

namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// Refuses a workbook that unpacks to more than a limit, before MiniExcel reads it. An .xlsx is a zip, and a few hundred
/// KB of it can inflate to gigabytes of sheet XML or shared strings (a decompression bomb): MiniExcel streams rows, but
/// it would spend minutes and the disk or memory on the way. Two passes over the zip's parts, all of them together
/// against the limit: the sizes the zip declares (free, and enough for a bomb that says what it is), then the bytes
/// each part actually inflates to, counted as they come out and stopped at the limit, since the declared sizes are
/// written by whoever made the file. (System.IO.Compression also stops inflating a part at its declared size, so a part
/// that lies small comes out cut short and MiniExcel refuses its broken XML as unreadable; the count does not rely on that.)
/// The inflating pass also looks in each worksheet for formulas saved without their result (<see cref="UncalculatedFormulas"/>),
/// as the bytes go by: a workbook saved by a spreadsheet is not read again for them.
/// </summary>
internal static class WorkbookSizeCheck
{
    /// <exception cref="FileRejectedException">The workbook unpacks past the limit (naming the part where it does), or
    /// its zip cannot be read.</exception>
    /// <returns>The worksheet parts that may hold a formula without its result (<see cref="UncalculatedFormulas.MaySuspect"/>).</returns>
    public static IReadOnlyCollection<string> Check(string path, long maxUnpackedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxUnpackedBytes);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long declared = 0;
            foreach (var part in zip.Entries)
            {
                declared += part.Length;
                if (declared > maxUnpackedBytes) throw TooLarge(path, part.FullName, maxUnpackedBytes);
            }

            // A worksheet's bytes are read after the last few of the previous read (UncalculatedFormulas.Search).
            var buffer = new byte[81920 + UncalculatedFormulas.Overlap];
            var suspects = new List<string>();
            long unpacked = 0;
            foreach (var part in zip.Entries)
            {
                using var content = part.Open();
                var look = UncalculatedFormulas.IsWorksheet(part.FullName);
                var kept = 0;
                int read;
                while ((read = content.Read(buffer, kept, buffer.Length - kept)) > 0)
                {
                    unpacked += read;
                    if (unpacked > maxUnpackedBytes) throw TooLarge(path, part.FullName, maxUnpackedBytes);
                    if (look && UncalculatedFormulas.Search(buffer, ref kept, read))
                    {
                        suspects.Add(part.FullName);
                        look = false;
                        kept = 0;
                    }
                }
            }
            return suspects;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            // What the zip layer throws for a damaged or unsupported zip: the same refusal MiniExcel's would give.
            throw new FileRejectedException(path, null, $"is not a readable .xlsx workbook ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static FileRejectedException TooLarge(string path, string part, long limit) =>
        new(path, null, $"expands to more than {Megabytes(limit)} MB when unpacked, the limit for a workbook (too large at its part {part})");

    private static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("0.##", CultureInfo.InvariantCulture);
}
