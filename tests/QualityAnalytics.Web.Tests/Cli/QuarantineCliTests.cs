using System.Text;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa quarantine` names each quarantined value's file by the path it was loaded from: departments each send a
/// 投诉.csv from a folder of their own, and the bare name made two files one.</summary>
public sealed class QuarantineCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    /// <summary>dept.csv, and f/d1/投诉.csv and f/d2/投诉.csv with a bad channel each.</summary>
    private void WriteTwoFilesOfOneNameInTwoFolders()
    {
        _qa.Write("dept.csv", "code,name\nLOG,物流业务部\nSTO,储运中心\n");
        _qa.Write("f/d1/投诉.csv", "complaint_id,department,received_at,channel,valid\nA-1,LOG,2026-04-03,传真,是\n");
        _qa.Write("f/d2/投诉.csv", "complaint_id,department,received_at,channel,valid\nB-1,STO,2026-04-03,传真,是\n");
    }

    private void LoadTwoFilesOfOneNameFromTwoFolders()
    {
        WriteTwoFilesOfOneNameInTwoFolders();
        Assert.Equal(0, _qa.Run("load", "dept.csv", "f/d1", "f/d2").Exit);
    }

    [Fact]
    public void The_listing_names_each_file_by_its_path_relative_to_the_working_folder()
    {
        LoadTwoFilesOfOneNameFromTwoFolders();

        var (exit, output, _) = _qa.Run("quarantine");

        Assert.Equal(0, exit);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "batch 1: 2 quarantined value(s)",
            $"{Path.Combine("f", "d1", "投诉.csv")} line 2, channel = '传真': must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他",
            $"{Path.Combine("f", "d2", "投诉.csv")} line 2, channel = '传真': must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他",
        ], lines);
    }

    [Fact]
    public void The_CSV_export_keeps_its_columns_and_adds_the_path_then_the_columns_key()
    {
        LoadTwoFilesOfOneNameFromTwoFolders();

        Assert.Equal(0, _qa.Run("quarantine", "--out", "rows.csv").Exit);

        var lines = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_qa.Folder, "rows.csv"))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("batch,file,sheet,line,column,value,reason,path,column_key", lines[0]);
        Assert.Equal($"1,投诉.csv,,2,channel,传真,\"must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他\",{Path.Combine("f", "d1", "投诉.csv")},channel", lines[1]);
        Assert.Equal($"1,投诉.csv,,2,channel,传真,\"must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他\",{Path.Combine("f", "d2", "投诉.csv")},channel", lines[2]);
    }

    [Fact]
    public void A_file_loaded_from_outside_the_working_folder_is_named_by_its_full_path()
    {
        var outside = Path.Combine(Path.GetTempPath(), "qa-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            _qa.Write("dept.csv", "code,name\nLOG,物流业务部\n");
            var file = Path.Combine(outside, "投诉.csv");
            File.WriteAllText(file, "complaint_id,department,received_at,channel,valid\nA-1,LOG,2026-04-03,传真,是\n");
            Assert.Equal(0, _qa.Run("load", "dept.csv", file).Exit);

            var (_, output, _) = _qa.Run("quarantine");

            Assert.Contains($"{Environment.NewLine}{file} line 2, channel = '传真'", output);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_dry_run_names_the_values_it_would_quarantine_by_their_files_paths_too()
    {
        WriteTwoFilesOfOneNameInTwoFolders();

        var (exit, output, _) = _qa.Run("load", "--dry-run", "dept.csv", "f");

        Assert.Equal(0, exit);
        Assert.Contains($"{Environment.NewLine}{Path.Combine("f", "d1", "投诉.csv")} line 2, channel = '传真'", output);
        Assert.Contains($"{Environment.NewLine}{Path.Combine("f", "d2", "投诉.csv")} line 2, channel = '传真'", output);
    }

    [Fact]
    public void A_file_with_Chinese_headers_is_listed_and_exported_by_its_headers_with_the_contracts_key_beside()
    {
        _qa.Write("部门.csv", "部门编码,部门名称\nLOG,物流业务部\n");
        _qa.Write("自查.csv", "检查编号,部门编码,月份,检查类型,得分\nK-1,LOG,2026-04,自查,九十六\n");
        _qa.Write("checks.csv", "check_id,department,month,kind,score\nK-2,LOG,2026-04,self,ninety\n");
        Assert.Equal(0, _qa.Run("load", "部门.csv", "自查.csv", "checks.csv").Exit);

        var (_, output, _) = _qa.Run("quarantine");
        Assert.Equal(0, _qa.Run("quarantine", "--out", "rows.csv").Exit);

        Assert.Contains($"{Environment.NewLine}自查.csv line 2, 得分 (score) = '九十六': is not a number{Environment.NewLine}", output);
        Assert.Contains($"{Environment.NewLine}checks.csv line 2, score = 'ninety': is not a number{Environment.NewLine}", output);
        var lines = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_qa.Folder, "rows.csv"))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["1,自查.csv,,2,得分,九十六,is not a number,自查.csv,score", "1,checks.csv,,2,score,ninety,is not a number,checks.csv,score"], lines[1..]);
    }
}
