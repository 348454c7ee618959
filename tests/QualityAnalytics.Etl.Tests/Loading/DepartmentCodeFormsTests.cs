namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>How department codes arrive in real files: typed in full-width (ＬＯＧ, a Chinese input method in full-width
/// mode) they are their ASCII code wherever a code is matched — a fact's department, a departments file's code and
/// parent; a code with white space inside or a control character is refused; a parent that names no department loads
/// with a warning; Excel's ="…" text wrapper in a CSV cell is taken off.</summary>
public sealed class DepartmentCodeFormsTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void A_full_width_code_names_the_department_in_facts_and_in_the_departments_file()
    {
        _w.Write("a/departments.csv", "code,name,parent_code\nLOG,物流业务部,\nＳＴＯ,储运中心,ＬＯＧ\n");
        _w.Write("b/complaints.csv", "complaint_id,department,received_at,channel,valid\nC-1,ＬＯＧ,2026-04-03,电话,是\nC-2,ｓｔｏ,2026-04-03,电话,是\n");

        var files = _w.Load(Path.Combine(_w.Inbox, "a"), Path.Combine(_w.Inbox, "b")).Files;

        Assert.All(files, f => Assert.Equal(0, f.Quarantined));
        Assert.Equal(1, _w.Count("dim_department", "code = 'STO' AND parent_code = 'LOG'"));
        Assert.Equal(2, _w.Count("fact_complaint f JOIN dim_department d ON d.department_key = f.department_key", "d.code IN ('LOG', 'STO')"));
        Assert.Equal(0, _w.Count("load_warning"));
    }

    [Fact]
    public void A_code_with_white_space_inside_or_a_control_character_is_quarantined()
    {
        var file = _w.Load(_w.Write("departments.csv", "code,name\nBAD CODE,坏部门\n\"X\u0001Y\",控制符\nOK,好部门\nＢＡＤ　２,全角空格\n")).Files.Single();

        Assert.Equal((4, 1, 3), (file.Read, file.Loaded, file.Quarantined));
        using var db = _w.Db.CreateContext();
        const string Reason = "must not contain white space or control characters (a department code is matched exactly)";
        Assert.Equal([(2, "BAD CODE"), (3, "X\u0001Y"), (5, "ＢＡＤ　２")],
            db.QuarantinedRows.OrderBy(q => q.Line).ToList().Select(q => (q.Line, q.Value!)).ToList());
        Assert.All(db.QuarantinedRows.ToList(), q => Assert.Equal(("code", Reason), (q.Column, q.Reason)));
        Assert.Equal(1, _w.Count("dim_department"));
    }

    [Fact]
    public void A_parent_that_names_no_department_loads_with_a_warning_and_one_listed_later_in_the_file_needs_none()
    {
        _w.Load(_w.Write("first/departments.csv", "code,name\nHQ,总部\n"));

        var file = _w.Load(_w.Write("departments.csv", "code,name,parent_code\nLOG,物流业务部,OPS\nSTO,储运中心,NOPE\nOPS,运营中心,hq\n")).Files.Single();

        Assert.Equal((3, 0, 1), (file.Loaded, file.Quarantined, file.Warnings));
        using var db = _w.Db.CreateContext();
        var warning = Assert.Single(db.LoadWarnings.ToList());
        Assert.Equal((3, "parent_code", "NOPE", "names no department (neither in the warehouse nor in this file); the department is loaded with this parent_code as given"),
            (warning.Line, warning.Column, warning.Value, warning.Message));
        Assert.Equal(1, _w.Count("dim_department", "code = 'STO' AND parent_code = 'NOPE'"));
    }

    [Fact]
    public void Excel_text_wrappers_in_a_csv_are_taken_off_any_cell()
    {
        _w.Write("a/departments.csv", "code,name\n=\"LOG\",物流业务部\n");
        // Unquoted as some systems write it, and quoted with doubled quotes as Excel saves it; a formula stays as written.
        _w.Write("b/complaints.csv", "complaint_id,department,received_at,channel,valid,direct_deduction,description\n" +
            "=\"00123\",=\"LOG\",2026-04-03,电话,是,=\"3\",\"=\"\"说 \"\"\"\"好\"\"\"\"\"\"\"\n" +
            "\"=\"\"TS-X-05\"\"\",LOG,2026-04-03,电话,是,,=A1+1\n");

        var files = _w.Load(Path.Combine(_w.Inbox, "a"), Path.Combine(_w.Inbox, "b")).Files;

        Assert.All(files, f => Assert.Equal(0, f.Quarantined));
        Assert.Equal(1, _w.Count("dim_department", "code = 'LOG'"));
        Assert.Equal("说 \"好\"", _w.Scalar("SELECT description FROM fact_complaint WHERE complaint_id = '00123'"));
        Assert.Equal(3m, Convert.ToDecimal(_w.Scalar("SELECT direct_deduction FROM fact_complaint WHERE complaint_id = '00123'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("=A1+1", _w.Scalar("SELECT description FROM fact_complaint WHERE complaint_id = 'TS-X-05'"));
    }
}
