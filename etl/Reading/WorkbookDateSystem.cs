using System.IO.Compression;
using System.Xml;

namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// Refuses a workbook kept in Excel's 1904 date system (<c>&lt;workbookPr date1904="1"/&gt;</c>, an option of old Mac
/// workbooks). Its date cells count days from 1904-01-01, and MiniExcel reads every serial from 1899-12-30: each date
/// would load 4 years and a day early, into another quarter, with nothing to say so. Refused whole, with what to do,
/// rather than shifted here: a serial arrives by three roads (a date cell, a time-formatted cell, a number in a date
/// column), and a workbook saved in the 1900 system (Excel's default on every platform since 2016) loads as it is.
/// </summary>
internal static class WorkbookDateSystem
{
    /// <exception cref="FileRejectedException">The workbook uses the 1904 date system.</exception>
    public static void Check(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var workbook = zip.GetEntry("xl/workbook.xml");
        if (workbook is null) return; // MiniExcel refuses a workbook without one, with its own message
        using var reader = XmlReader.Create(workbook.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "workbookPr") continue;
            var flag = reader.GetAttribute("date1904");
            if (flag is "1" or "true") throw new FileRejectedException(path, null,
                "uses Excel's 1904 date system, whose dates would load 4 years and a day early; turn off \"Use 1904 date system\" in Excel (Options, Advanced) and send it again");
            return;
        }
    }
}
