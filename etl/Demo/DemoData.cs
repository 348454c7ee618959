using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Demo;

/// <summary>
/// The demo facts in memory, drawn from one seeded <see cref="Random"/> in a fixed order (never the clock).
/// Levels are stable noise except the planted patterns: WUH declines every quarter, ORD's self-check of 2026-05 is
/// out of control, 响应不及时 is over half of all complaints, and 2026Q2 of LOG and STO is policy.md §6 exactly.
/// </summary>
internal sealed class DemoData
{
    public static readonly Quarter ExampleQuarter = new(2026, 2);
    public static readonly DateOnly OrdOutlierMonth = new(2026, 5, 1);
    public const string DominantCategory = "响应不及时";

    public static readonly DemoDepartment[] Departments =
    [
        new("MKT", "市场经营部", "张建国", ["周敏", "吴昊", "张建国"], 96.0m, 0.93, 3.0),
        new("LOG", "物流业务部", "李卫东", ["郑磊", "冯婷", "李卫东"], 95.5m, 0.92, 3.0),
        new("WUH", "武汉业务部", "王海燕", ["何俊", "邓丽", "王海燕"], 98.0m, 0.965, 1.0),
        new("ORD", "订单处理中心", "刘志强", ["许静", "韩冰", "刘志强"], 97.0m, 0.94, 2.0),
        new("STO", "储运中心", "陈晓梅", ["曹阳", "彭飞", "陈晓梅"], 98.5m, 0.97, 1.0),
        new("BID", "招标分公司", "赵文斌", ["蒋涛", "沈佳", "赵文斌"], 95.0m, 0.90, 2.0),
        new("MET", "计量检测中心", "孙丽华", ["罗刚", "宋雨", "孙丽华"], 96.5m, 0.95, 2.0),
    ];

    public static readonly (string Id, string Text, decimal Weight, int Scale)[] Questions =
    [
        ("Q1", "您对我部门服务响应的及时性是否满意?", 0.4m, 5),
        ("Q2", "您对我部门工作人员的服务态度是否满意?", 0.3m, 5),
        ("Q3", "请为我部门本季度的整体服务质量打分(1–10分)", 0.3m, 10),
    ];

    public static readonly string[] KeyCustomers =
    [
        "中石化华中分公司", "中石油湖北销售分公司", "武钢集团物流公司", "东风汽车零部件集团", "湖北中烟工业公司", "长江航运集团",
        "国网湖北省电力物资公司", "武汉港务集团", "九州通医药集团", "中粮油脂(武汉)有限公司", "华润雪花啤酒(湖北)有限公司", "湖北交投物流集团",
    ];

    private static readonly string[] OtherCustomers = ["个人客户", "武汉汉正街商贸公司", "孝感市恒通贸易公司"];
    private static readonly string[] Inspectors = ["黄志明", "林雪", "高峰"];
    private static readonly string[] DeductionItems = ["服务规范", "响应时效", "台账记录", "单据管理", "现场管理", "客户回访", "信息报送"];
    private static readonly (string Value, double Weight)[] Channels = [("电话", 0.40), ("邮件", 0.20), ("网站", 0.15), ("意见箱", 0.10), ("其他", 0.15)];
    private static readonly (string Value, double Weight)[] OtherCategories =
        [("服务态度", 0.20), ("单据差错", 0.20), ("配送延误", 0.25), ("计量误差", 0.15), ("信息不准确", 0.20)];
    private static readonly (string Value, double Weight)[] Satisfactions = [("满意", 0.70), ("基本满意", 0.20), ("不满意", 0.10)];

    private static readonly Dictionary<string, string[]> Descriptions = new()
    {
        ["响应不及时"] = ["客户来电催办提货单,等待两个多小时无人回复", "咨询运费结算问题,工作人员迟迟未回复", "报修后一天内无人联系客户", "邮件询价三天未得到答复"],
        ["服务态度"] = ["现场工作人员态度生硬,客户不满", "电话接听人员语气不耐烦"],
        ["单据差错"] = ["出库单数量为120件, 实际到货118件", "发票抬头开错,需重新开具"],
        ["配送延误"] = ["货物比约定时间晚到一天", "配送车辆未按预约时间到达"],
        ["计量误差"] = ["过磅数据与客户复核结果相差0.5吨", "计量单据重量与到货重量不一致"],
        ["信息不准确"] = ["系统显示的到货时间与实际不符", "报价信息与合同约定不一致"],
    };

    private readonly Random _rng;
    private readonly WorkdayCalendar _calendar = WorkdayCalendar.Default;
    private readonly HashSet<string> _fixedComplaints = [];

    public DemoData(int seed, IReadOnlyList<Quarter> quarters)
    {
        _rng = new Random(seed);
        Quarters = quarters;
    }

    public IReadOnlyList<Quarter> Quarters { get; }
    public List<CheckRecord> Checks { get; } = [];
    public List<DeductionRecord> Deductions { get; } = [];
    public List<SurveyRecord> Surveys { get; } = [];
    public List<ComplaintRecord> Complaints { get; } = [];
    public List<CallbackRecord> Callbacks { get; } = [];

    public void Build()
    {
        for (var i = 0; i < Quarters.Count; i++)
        {
            foreach (var dept in Departments)
            {
                AddChecks(dept, Quarters[i], i);
                AddSurveys(dept, Quarters[i], i);
                AddComplaints(dept, Quarters[i], i);
                AddCallbacks(dept, Quarters[i]);
            }
        }
        AssignCategories();
        AddBadRows();
    }

    // ---------- checks ----------

    private void AddChecks(DemoDepartment dept, Quarter quarter, int index)
    {
        var isExample = quarter == ExampleQuarter;
        var level = dept.Code == "WUH" ? dept.SelfLevel - 1.3m * index : dept.SelfLevel;
        var noise = dept.Code switch { "WUH" => 0.3, "ORD" => 0.8, _ => 1.2 };
        var monthMeans = new Dictionary<DateOnly, decimal>();
        foreach (var month in quarter.Months)
        {
            decimal[] scores;
            if (isExample && dept.Code == "LOG") scores = [month.Month switch { 4 => 96m, 5 => 94m, _ => 98m }];
            else if (isExample && dept.Code == "STO") scores = [month.Month switch { 4 => 98m, 5 => 99m, _ => 100m }];
            else if (dept.Code == "ORD" && month == OrdOutlierMonth) scores = [80m];
            else
            {
                scores = new decimal[1 + _rng.Next(2)];
                for (var k = 0; k < scores.Length; k++) scores[k] = Half((double)level + Uniform(-noise, noise));
            }
            for (var k = 0; k < scores.Length; k++)
            {
                var id = $"ZC-{month:yyyyMM}-{dept.Code}-{k + 1}";
                var checkedOn = _calendar.AddWorkingDays(LastWorkingDay(month), -_rng.Next(3));
                var note = scores[k] < 90 ? "本月多项指标未达标,已提交整改计划" : null;
                Checks.Add(new CheckRecord(id, dept.Code, month, false, scores[k], Pick(dept.Staff), checkedOn, note));
                var forced = dept.Code == "ORD" && month == OrdOutlierMonth;
                AddDeductions(id, month, scores[k], forced);
            }
            monthMeans[month] = scores.Average();
        }

        DateOnly[] spotMonths;
        if (isExample && dept.Code == "LOG") spotMonths = [quarter.Months[1]];
        else if (isExample && dept.Code == "STO") spotMonths = [quarter.Months[2]];
        else if (dept.Code == "ORD" && quarter.Contains(OrdOutlierMonth)) spotMonths = [OrdOutlierMonth];
        else
        {
            var first = _rng.Next(3);
            spotMonths = _rng.Next(2) == 0 ? [quarter.Months[first]] : [.. new[] { quarter.Months[first], quarter.Months[(first + 1 + _rng.Next(2)) % 3] }.Order()];
        }
        foreach (var month in spotMonths)
        {
            decimal score;
            if (isExample && dept.Code == "LOG") score = 90m;
            else if (isExample && dept.Code == "STO") score = 99.5m;
            else if (dept.Code == "ORD" && month == OrdOutlierMonth) score = 81m;
            else
            {
                var r = _rng.NextDouble();
                var diff = r < 0.7 ? Uniform(-1, 1) : r < 0.9 ? Sign() * Uniform(1.5, 3) : Sign() * Uniform(3.5, 6);
                if (dept.Code == "WUH") diff = Uniform(-0.5, 0.5);
                score = Half((double)monthMeans[month] + diff);
            }
            var id = $"CC-{month:yyyyMM}-{dept.Code}";
            var checkedOn = _calendar.AddWorkingDays(LastWorkingDay(month), 1 + _rng.Next(8));
            Checks.Add(new CheckRecord(id, dept.Code, month, true, score, Pick(Inspectors), checkedOn, score < 90 ? "抽查发现问题较多,限期整改" : null));
            AddDeductions(id, month, score, forced: false);
        }
    }

    private void AddDeductions(string checkId, DateOnly month, decimal score, bool forced)
    {
        if (score >= 100m || (!forced && _rng.NextDouble() >= 0.35)) return;
        var halves = (int)((100m - score) * 2);
        var parts = Math.Min(halves, forced ? 3 : 1 + _rng.Next(3));
        var items = DeductionItems.OrderBy(_ => _rng.Next()).Take(parts).ToArray();
        // Split the halves into `parts` positive pieces.
        var cuts = Enumerable.Range(1, halves - 1).OrderBy(_ => _rng.Next()).Take(parts - 1).Order().ToList();
        var previous = 0;
        for (var p = 0; p < parts; p++)
        {
            var next = p < parts - 1 ? cuts[p] : halves;
            Deductions.Add(new DeductionRecord(checkId, month, items[p], (next - previous) / 2m, null));
            previous = next;
        }
    }

    // ---------- surveys ----------

    private void AddSurveys(DemoDepartment dept, Quarter quarter, int index)
    {
        int[][] answers;
        if (quarter == ExampleQuarter && dept.Code == "LOG") answers = [[5, 4, 9], [5, 5, 10], [4, 5, 9]];
        else if (quarter == ExampleQuarter && dept.Code == "STO") answers = [[5, 5, 10], [5, 5, 10], [5, 4, 10], [4, 5, 10]];
        else
        {
            var level = dept.Code == "WUH" ? dept.SurveyLevel - 0.012 * index : dept.SurveyLevel;
            answers = new int[4 + _rng.Next(5)][];
            for (var n = 0; n < answers.Length; n++)
            {
                answers[n] = [.. Questions.Select(q => Math.Clamp((int)Math.Round(level * q.Scale + Uniform(-1, 1) * q.Scale * 0.12, MidpointRounding.AwayFromZero), 1, q.Scale))];
            }
        }
        var customers = KeyCustomers.OrderBy(_ => _rng.Next()).Take(answers.Length).ToArray();
        var lastMonth = quarter.Months[2];
        var disputed = dept.Code == "BID" && quarter == Clamp(2);
        for (var n = 0; n < answers.Length; n++)
        {
            var id = $"WJ-{quarter}-{dept.Code}-{n + 1:00}";
            var submitted = _calendar.AddWorkingDays(lastMonth, 3 + _rng.Next(12));
            var excluded = disputed && n == 0;
            var row = excluded ? [1, 2, 3] : answers[n];
            for (var q = 0; q < Questions.Length; q++)
            {
                Surveys.Add(new SurveyRecord(id, dept.Code, quarter, customers[n], Questions[q].Id, row[q], submitted, excluded,
                    excluded && q == 0 ? "客户持异议,经质量管理委员会审定剔除" : null));
            }
        }
    }

    // ---------- complaints ----------

    private void AddComplaints(DemoDepartment dept, Quarter quarter, int index)
    {
        if (quarter == ExampleQuarter && dept.Code == "LOG")
        {
            AddFixedComplaint(dept, quarter, 1, At(2026, 4, 8, 10, 12), "电话", true, "中石化华中分公司", "响应不及时",
                "客户来电催办提货单,等待两个多小时无人回复", At(2026, 4, 8, 15, 40), At(2026, 4, 10, 16, 0), 3m, "不满意");
            AddFixedComplaint(dept, quarter, 2, At(2026, 5, 19, 14, 5), "邮件", true, "武钢集团物流公司", "配送延误",
                "货物比约定时间晚到一天", At(2026, 5, 20, 9, 30), At(2026, 5, 22, 11, 0), null, "基本满意");
            AddFixedComplaint(dept, quarter, 3, At(2026, 6, 3, 9, 48), "网站", false, "湖北交投物流集团", "信息不准确",
                "反映到货时间显示有误,经核实为客户查询了旧运单", At(2026, 6, 3, 11, 20), At(2026, 6, 4, 10, 0), null, "满意");
            return;
        }
        if (quarter == ExampleQuarter && dept.Code == "STO") return;

        var count = dept.Code == "WUH" ? Math.Min(8, 1 + index) : Math.Clamp((int)Math.Round(dept.ComplaintRate + Uniform(-1.5, 1.5), MidpointRounding.AwayFromZero), 0, 8);
        for (var n = 0; n < count; n++)
        {
            var received = ReceivedAt(quarter);
            var replied = received.AddMinutes(_rng.NextDouble() < 0.85 ? _rng.Next(15, 8 * 60) : _rng.Next(24 * 60 + 30, 70 * 60));
            DateTime? resolved = null;
            string? satisfaction = null;
            var unresolved = quarter == Quarters[^1] && _rng.NextDouble() < 0.3;
            if (!unresolved)
            {
                var days = WeightedPick([(1, 0.25), (2, 0.30), (3, 0.25), (4, 0.12), (5, 0.08)]);
                var date = _calendar.AddWorkingDays(DateOnly.FromDateTime(received), days);
                var r = date.ToDateTime(new TimeOnly(9, 0)).AddMinutes(_rng.Next(0, 8 * 60 + 30));
                resolved = r <= replied ? replied.AddHours(2) : r;
                satisfaction = WeightedPick(Satisfactions);
            }
            var valid = _rng.NextDouble() < 0.9;
            decimal? direct = valid && _rng.NextDouble() < 0.06 ? 1 + _rng.Next(5) : null;
            var customer = _rng.NextDouble() < 0.8 ? Pick(KeyCustomers) : Pick(OtherCustomers);
            Complaints.Add(new ComplaintRecord($"TS-{quarter}-{dept.Code}-{n + 1:00}", dept.Code, quarter, received, _rng.Next(2) == 0,
                WeightedPick(Channels), valid, customer, "", "", replied, resolved, direct, Pick(dept.Staff), satisfaction));
        }
    }

    private void AddFixedComplaint(DemoDepartment dept, Quarter quarter, int n, DateTime received, string channel, bool valid, string customer,
        string category, string description, DateTime replied, DateTime resolved, decimal? direct, string satisfaction)
    {
        var id = $"TS-{quarter}-{dept.Code}-{n:00}";
        _fixedComplaints.Add(id);
        Complaints.Add(new ComplaintRecord(id, dept.Code, quarter, received, false, channel, valid, customer, category, description,
            replied, resolved, direct, dept.Staff[0], satisfaction));
    }

    /// <summary>Mostly working hours on working days; some evenings, weekends and holidays; some on the eve of a long break.</summary>
    private DateTime ReceivedAt(Quarter quarter)
    {
        var days = Enumerable.Range(0, quarter.LastDay.DayNumber - quarter.FirstDay.DayNumber + 1).Select(quarter.FirstDay.AddDays).ToArray();
        var working = days.Where(_calendar.IsWorkingDay).ToArray();
        var off = days.Where(d => !_calendar.IsWorkingDay(d)).ToArray();
        var eves = working.Where(d => _calendar.WorkingDaysBetween(d, d.AddDays(3)) == 0).ToArray();
        var r = _rng.NextDouble();
        if (r < 0.12 && eves.Length > 0) return Pick(eves).ToDateTime(new TimeOnly(9, 0)).AddMinutes(_rng.Next(0, 8 * 60));
        if (r < 0.22) return Pick(off).ToDateTime(new TimeOnly(9, 0)).AddMinutes(_rng.Next(0, 11 * 60)).AddSeconds(_rng.Next(60));
        if (r < 0.30) return Pick(working).ToDateTime(new TimeOnly(18, 0)).AddMinutes(_rng.Next(0, 4 * 60)).AddSeconds(_rng.Next(60));
        return Pick(working).ToDateTime(new TimeOnly(8, 30)).AddMinutes(_rng.Next(0, 9 * 60)).AddSeconds(_rng.Next(60));
    }

    /// <summary>响应不及时 on a fixed share (52%) of the complaints, so that it dominates whatever the seed; the rest by weight.</summary>
    private void AssignCategories()
    {
        var open = Enumerable.Range(0, Complaints.Count).Where(i => !_fixedComplaints.Contains(Complaints[i].Id)).OrderBy(_ => _rng.Next()).ToList();
        var target = (int)Math.Ceiling(Complaints.Count * 0.52) - Complaints.Count(c => _fixedComplaints.Contains(c.Id) && c.Category == DominantCategory);
        for (var k = 0; k < open.Count; k++)
        {
            var category = k < target ? DominantCategory : WeightedPick(OtherCategories);
            Complaints[open[k]] = Complaints[open[k]] with { Category = category, Description = Pick(Descriptions[category]) };
        }
        // One multi-line description, as a complaint log exported from Excel really holds.
        var multiQuarter = Quarters.Contains(ExampleQuarter) ? ExampleQuarter : Quarters[^1];
        var first = Complaints.FindIndex(c => c.Quarter == multiQuarter && c.Department == "MKT");
        if (first >= 0)
        {
            Complaints[first] = Complaints[first] with
            {
                Description = "客户反映:\n1. 订单确认邮件迟迟未收到;\n2. 客服电话多次无人接听, 要求书面答复。",
            };
        }
    }

    // ---------- callbacks ----------

    private void AddCallbacks(DemoDepartment dept, Quarter quarter)
    {
        var isExample = quarter == ExampleQuarter && dept.Code is "LOG" or "STO";
        var count = isExample ? (dept.Code == "LOG" ? 8 : 7) : 6 + _rng.Next(7);
        var days = Enumerable.Range(0, quarter.LastDay.DayNumber - quarter.FirstDay.DayNumber + 1).Select(quarter.FirstDay.AddDays)
            .Where(_calendar.IsWorkingDay).ToArray();
        var dates = Enumerable.Range(0, count).Select(_ => Pick(days)).Order().ToArray();
        for (var n = 0; n < count; n++)
        {
            string finding;
            decimal? deduction;
            string? note = null;
            if (isExample)
            {
                finding = dept.Code == "LOG" && n == 4 ? "incomplete" : "none";
                deduction = finding == "incomplete" ? 0.5m : 0m;
                if (finding == "incomplete") note = "回访记录缺少客户签字确认";
            }
            else
            {
                var r = _rng.NextDouble();
                finding = r < 0.85 ? "none" : r < 0.95 ? "incomplete" : "mismatch";
                deduction = finding switch
                {
                    "none" => _rng.Next(2) == 0 ? 0m : null,
                    "incomplete" => _rng.NextDouble() < 0.7 ? 0.5m : null,
                    _ => Pick(new decimal?[] { 1.0m, 1.0m, 0.8m, null }),
                };
                note = finding switch
                {
                    "incomplete" => Pick(["回访记录缺少客户签字确认", "未记录回访时长及回访人"]),
                    "mismatch" => "记录称问题已解决,客户表示问题仍未处理",
                    _ => null,
                };
            }
            Callbacks.Add(new CallbackRecord($"HF-{quarter}-{dept.Code}-{n + 1:00}", dept.Code, quarter, dates[n], finding, deduction, Pick(KeyCustomers), note));
        }
    }

    // ---------- the deliberately bad rows ----------

    private void AddBadRows()
    {
        var q = Clamp(2);
        var month = q.Months[1];
        Checks.Add(new CheckRecord($"ZC-{month:yyyyMM}-BID-9", "BID", month, false, 105m, "蒋涛", LastWorkingDay(month), "补录")
        { Bad = new BadMark("score", "score 105 is above 100") });

        q = Clamp(1);
        Complaints.Add(new ComplaintRecord($"TS-{q}-WHB-01", "WHB", q, q.FirstDay.ToDateTime(new TimeOnly(10, 30)).AddDays(20), false, "电话", true,
            "武汉港务集团", "服务态度", "现场工作人员态度生硬,客户不满", q.FirstDay.ToDateTime(new TimeOnly(15, 0)).AddDays(20), q.FirstDay.ToDateTime(new TimeOnly(11, 0)).AddDays(22),
            null, "何俊", "满意") { Bad = new BadMark("department", "unknown department code WHB (a typo for WUH)") });

        q = Clamp(5);
        var received = q.FirstDay.ToDateTime(new TimeOnly(9, 40)).AddDays(40);
        Complaints.Add(new ComplaintRecord($"TS-{q}-MKT-99", "MKT", q, received, false, "邮件", true, "长江航运集团", "单据差错", "发票抬头开错,需重新开具",
            received.AddHours(3), received.AddDays(-2), null, "周敏", "满意") { Bad = new BadMark("resolved_at", "resolved_at is before received_at") });

        q = Clamp(7);
        received = q.FirstDay.ToDateTime(new TimeOnly(10, 20)).AddDays(30);
        Complaints.Add(new ComplaintRecord($"TS-{q}-ORD-99", "ORD", q, received, false, "网站", true, "九州通医药集团", "配送延误", "配送车辆未按预约时间到达",
            received.AddHours(2), received.AddDays(2), null, "许静", "基本满意")
        { Bad = new BadMark("received_at", "unparseable date: month 13", $"{q.Year}-13-01 10:20") });

        q = Clamp(5);
        Callbacks.Add(new CallbackRecord($"HF-{q}-MET-99", "MET", q, _calendar.AddWorkingDays(q.FirstDay, 15), "incomplete", 2.0m, "中石化华中分公司", "未记录回访时长及回访人")
        { Bad = new BadMark("deduction", "deduction 2.0 for 记录不全 is outside [0.5, 1]") });

        q = Clamp(3);
        var answer = Surveys.FindIndex(s => s.Quarter == q && s.Department == "MKT" && s.Question == "Q1");
        Surveys[answer] = Surveys[answer] with { Score = 6, Bad = new BadMark("score", "answer 6 is above Q1's scale 5") };

        q = Clamp(4);
        received = q.FirstDay.ToDateTime(new TimeOnly(14, 5)).AddDays(50);
        Complaints.Add(new ComplaintRecord($"TS-{q}-BID-99", "BID", q, received, false, "", true, "国网湖北省电力物资公司", "配送延误", "货物比约定时间晚到一天",
            received.AddHours(1), received.AddDays(3), null, "沈佳", "满意") { Bad = new BadMark("channel", "required channel is blank") });

        q = Clamp(0);
        Callbacks.Add(new CallbackRecord($"HF-{q}-WUH-99", "WUH", q, _calendar.AddWorkingDays(q.FirstDay, 25), "mismatch", 1.5m, "东风汽车零部件集团", "记录称问题已解决,客户表示问题仍未处理")
        { Bad = new BadMark("deduction", "deduction 1.5 for 与实际不符 is outside [0.5, 1]") });
    }

    // ---------- helpers ----------

    private Quarter Clamp(int index) => Quarters[Math.Min(index, Quarters.Count - 1)];

    private DateOnly LastWorkingDay(DateOnly month) => _calendar.AddWorkingDays(month.AddMonths(1), -1);

    private static DateTime At(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0);

    private double Uniform(double a, double b) => a + (b - a) * _rng.NextDouble();

    private double Sign() => _rng.Next(2) == 0 ? -1 : 1;

    private static decimal Half(double x) => Math.Clamp((decimal)Math.Round(x * 2, MidpointRounding.AwayFromZero) / 2m, 0m, 100m);

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private T WeightedPick<T>(IReadOnlyList<(T Value, double Weight)> items)
    {
        var r = _rng.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (value, weight) in items)
        {
            if (r < weight) return value;
            r -= weight;
        }
        return items[^1].Value;
    }
}
