using System.Runtime.InteropServices;

namespace QualityAnalytics.Reports.Pdf.Fonts;

/// <summary>
/// Cuts a TrueType font down to the code points a document uses, with HarfBuzz's hb_subset from the
/// libHarfBuzzSharp that ScottPlot's SkiaSharp already ships. Skia would otherwise embed the whole font
/// (about 5 MB for WenQuanYi Micro Hei) in every PDF. The subset keeps its cmap, so Skia's ToUnicode map,
/// built from the cmap, names the right characters when text is extracted.
/// </summary>
internal static class FontSubsetter
{
    private const string HarfBuzz = "libHarfBuzzSharp";

    // HB_MEMORY_MODE_READONLY: HarfBuzz reads our pinned array and never writes to it.
    private const int MemoryModeReadOnly = 1;

    // HB_SUBSET_FLAGS_NO_HINTING: hinting instructions serve screen rasterisers at small sizes, not PDF viewers.
    private const uint FlagNoHinting = 0x1;

    /// <summary>The subset font program, or null with the reason when HarfBuzz cannot make one.</summary>
    public static (byte[]? Font, string? FailureReason) TrySubset(byte[] fontData, int faceIndex, IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(fontData);
        ArgumentNullException.ThrowIfNull(codePoints);
        try
        {
            return Subset(fontData, faceIndex, codePoints);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return (null, $"HarfBuzz subsetting is unavailable here ({e.GetType().Name}: {e.Message})");
        }
    }

    private static (byte[]?, string?) Subset(byte[] fontData, int faceIndex, IEnumerable<int> codePoints)
    {
        var pin = GCHandle.Alloc(fontData, GCHandleType.Pinned);
        IntPtr blob = IntPtr.Zero, face = IntPtr.Zero, input = IntPtr.Zero, subsetFace = IntPtr.Zero, subsetBlob = IntPtr.Zero;
        try
        {
            blob = hb_blob_create(pin.AddrOfPinnedObject(), (uint)fontData.Length, MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);
            face = hb_face_create(blob, (uint)faceIndex);
            input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero)
            {
                return (null, "hb_subset_input_create_or_fail returned null (out of memory)");
            }
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                hb_set_add(unicodes, (uint)codePoint);
            }
            hb_subset_input_set_flags(input, FlagNoHinting);
            subsetFace = hb_subset_or_fail(face, input);
            if (subsetFace == IntPtr.Zero)
            {
                return (null, "hb_subset_or_fail could not subset the font");
            }
            subsetBlob = hb_face_reference_blob(subsetFace);
            var data = hb_blob_get_data(subsetBlob, out var length);
            if (data == IntPtr.Zero || length == 0)
            {
                return (null, "hb_subset_or_fail produced an empty font");
            }
            var result = new byte[length];
            Marshal.Copy(data, result, 0, (int)length);
            return (result, null);
        }
        finally
        {
            if (subsetBlob != IntPtr.Zero) hb_blob_destroy(subsetBlob);
            if (subsetFace != IntPtr.Zero) hb_face_destroy(subsetFace);
            if (input != IntPtr.Zero) hb_subset_input_destroy(input);
            if (face != IntPtr.Zero) hb_face_destroy(face);
            if (blob != IntPtr.Zero) hb_blob_destroy(blob);
            pin.Free();
        }
    }

    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(HarfBuzz)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(HarfBuzz)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(HarfBuzz)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(HarfBuzz)] private static extern void hb_set_add(IntPtr set, uint codePoint);
}
