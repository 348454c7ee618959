using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>Properties over random quarters of one department (plus one without data). Decimals come from integers (hundredths).</summary>
public sealed class ScoringProperties
{
    private static readonly Quarter Q = Quarter.Parse("2026Q2");

    /// <summary>Generated raw material, turned into facts by <see cref="Build"/> (ids assigned by position).</summary>
    public sealed record Raw(
        (int Month, bool Spot, int Hundredths)[] Checks,
        (int?[] Answers, bool Excluded)[] Questionnaires,
        (bool Valid, int DirectTenths)[] Complaints,
        (int Finding, int? Hundredths)[] Callbacks,
        MissingDataOption Option,
        (int S, int V) WeightHundredths);

    private static Gen<int> Hundredths(int max) => Gen.Choose(0, max * 100);

    private static readonly Gen<(int, bool, int)> CheckGen =
        from month in Gen.Choose(0, 4) // 0 and 4 fall outside the quarter
        from spot in Gen.Elements(false, false, true)
        from score in Hundredths(100)
        select (month, spot, score);

    private static readonly Gen<int?> Answer5 = Gen.Frequency((4, Hundredths(5).Select(i => (int?)i)), (1, Gen.Constant<int?>(null)));
    private static readonly Gen<int?> Answer10 = Gen.Frequency((4, Hundredths(10).Select(i => (int?)i)), (1, Gen.Constant<int?>(null)));

    private static readonly Gen<(int?[], bool)> QuestionnaireGen =
        from a in Answer5
        from b in Answer5
        from c in Answer10
        from excluded in Gen.Elements(false, false, false, true)
        select (new[] { a, b, c }, excluded);

    private static readonly Gen<(bool, int)> ComplaintGen =
        from valid in Gen.Elements(true, false)
        from direct in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 50)))
        select (valid, direct);

    private static readonly Gen<(int, int?)> CallbackGen =
        from finding in Gen.Choose(0, 2)
        from recorded in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(50, 100).Select(i => (int?)i)))
        select (finding, recorded);

    private static readonly Gen<(int, int)> WeightsGen =
        Gen.Frequency(
            (1, Gen.Constant((40, 30))),
            (2, from s in Gen.Choose(0, 100) from v in Gen.Choose(0, 100 - s) select (s, v)));

    private static readonly Gen<Raw> RawGen =
        from checks in Gen.ArrayOf(CheckGen)
        from questionnaires in Gen.ArrayOf(QuestionnaireGen)
        from complaints in Gen.ArrayOf(ComplaintGen)
        from callbacks in Gen.ArrayOf(CallbackGen)
        from option in Gen.Elements(MissingDataOption.Rescale, MissingDataOption.Zero, MissingDataOption.Withhold)
        from weights in WeightsGen
        select new Raw(checks, questionnaires, complaints, callbacks, option, weights);

    private static ScoringPolicy PolicyOf(Raw raw) => Defaults with
    {
        MissingData = raw.Option,
        Weights = new ComponentWeights(raw.WeightHundredths.S / 100m, raw.WeightHundredths.V / 100m,
            (100 - raw.WeightHundredths.S - raw.WeightHundredths.V) / 100m),
    };

    private static QuarterFacts Build(Raw raw)
    {
        var b = new FactsBuilder().Department("D").Department("EMPTY").Questions(FactsBuilder.ExampleQuestions);
        for (var i = 0; i < raw.Checks.Length; i++)
        {
            var (month, spot, score) = raw.Checks[i];
            if (spot) b.Spot("D", month, score / 100m, $"K-{i:000}");
            else b.Self("D", month, score / 100m, $"K-{i:000}");
        }
        for (var i = 0; i < raw.Questionnaires.Length; i++)
        {
            var (answers, excluded) = raw.Questionnaires[i];
            b.Questionnaire("D", $"R-{i:000}", excluded, answers.Select(a => a / 100m).ToArray(), excluded ? "committee" : null);
        }
        for (var i = 0; i < raw.Complaints.Length; i++)
        {
            var (valid, direct) = raw.Complaints[i];
            b.Complaint("D", $"C-{i:000}", valid, direct == 0 ? null : direct / 10m, Q.FirstDay.AddDays(i % 95).ToDateTime(new TimeOnly(12, 0)));
        }
        for (var i = 0; i < raw.Callbacks.Length; i++)
        {
            var (finding, recorded) = raw.Callbacks[i];
            b.Callback("D", $"CB-{i:000}", (CallbackFinding)finding, recorded / 100m);
        }
        return b.Build();
    }

    private static Arbitrary<Raw> Raws => Arb.From(RawGen);

    [Property(MaxTest = 300)]
    public Property Total_is_within_0_and_100_or_withheld() =>
        Prop.ForAll(Raws, raw => ScoringEngine.Score(Build(raw), PolicyOf(raw)).All(a =>
            a.Total is { } t ? t is >= 0 and <= 100 && a.Grade != Grade.Withheld : a.Grade == Grade.Withheld));

    [Property(MaxTest = 300)]
    public Property Amount_sign_matches_the_grade() =>
        Prop.ForAll(Raws, raw => ScoringEngine.Score(Build(raw), PolicyOf(raw)).All(a => a.Grade switch
        {
            Grade.Excellent => a.Amount > 0,
            Grade.Pass => a.Amount == 0,
            Grade.Fail => a.Amount < 0 && a.Amount >= -5000,
            Grade.Withheld => a.Amount == 0 && a.Total is null,
            _ => false,
        }));

    [Property(MaxTest = 200)]
    public Property Same_facts_twice_and_shuffled_give_identical_results() =>
        Prop.ForAll(Raws, Arb.From(Gen.Choose(0, int.MaxValue)), (raw, seed) =>
        {
            var facts = Build(raw);
            var policy = PolicyOf(raw);
            var first = Canonical(ScoringEngine.Score(facts, policy));
            var again = Canonical(ScoringEngine.Score(facts, policy));
            var random = new Random(seed);
            var shuffled = facts with
            {
                Checks = random.Shuffle(facts.Checks),
                Questions = random.Shuffle(facts.Questions),
                Answers = random.Shuffle(facts.Answers),
                Complaints = random.Shuffle(facts.Complaints),
                Callbacks = random.Shuffle(facts.Callbacks),
            };
            return first == again && first == Canonical(ScoringEngine.Score(shuffled, policy));
        });

    /// <summary>Which component to improve, and how: (kind, index, amount).</summary>
    private static readonly Gen<(int Kind, int Index, int Delta)> RaiseGen =
        from kind in Gen.Choose(0, 3)
        from index in Gen.Choose(0, 1000)
        from delta in Gen.Choose(1, 5000)
        select (kind, index, delta);

    [Property(MaxTest = 400)]
    public Property Total_never_falls_when_one_component_rises_and_the_others_stay() =>
        Prop.ForAll(Raws, Arb.From(RaiseGen), (raw, raise) =>
        {
            // Without spot checks, raising a self-check can only raise S (with them it could widen d and the penalty).
            raw = raw with { Checks = raw.Checks.Select(c => c with { Spot = false }).ToArray() };
            var better = Improve(raw, raise);
            var before = ScoringEngine.Score(Build(raw), PolicyOf(raw))[0];
            var after = ScoringEngine.Score(Build(better), PolicyOf(better))[0];
            return (before.Total, after.Total) switch
            {
                (null, null) => true,
                ({ } t0, { } t1) => t1 >= t0,
                _ => false,
            };
        });

    /// <summary>Raises S (one self-check), V (one answer), C (one valid complaint turned invalid) or lowers K (one callback's finding cleared).</summary>
    private static Raw Improve(Raw raw, (int Kind, int Index, int Delta) r)
    {
        switch (r.Kind)
        {
            case 0 when raw.Checks.Length > 0:
            {
                var checks = raw.Checks.ToArray();
                var i = r.Index % checks.Length;
                checks[i] = checks[i] with { Hundredths = Math.Min(10000, checks[i].Hundredths + r.Delta) };
                return raw with { Checks = checks };
            }
            case 1 when raw.Questionnaires.Length > 0:
            {
                var qs = raw.Questionnaires.Select(q => (q.Answers.ToArray(), q.Excluded)).ToArray();
                var i = r.Index % qs.Length;
                var answers = qs[i].Item1;
                var j = Array.FindIndex(answers, a => a is not null);
                if (j < 0) return raw;
                answers[j] = Math.Min(j == 2 ? 1000 : 500, answers[j]!.Value + r.Delta);
                return raw with { Questionnaires = qs };
            }
            case 2 when raw.Complaints.Length > 0:
            {
                var cs = raw.Complaints.ToArray();
                var i = r.Index % cs.Length;
                cs[i] = cs[i] with { Valid = false };
                return raw with { Complaints = cs };
            }
            case 3 when raw.Callbacks.Length > 0:
            {
                var cbs = raw.Callbacks.ToArray();
                var i = r.Index % cbs.Length;
                cbs[i] = (0, null);
                return raw with { Callbacks = cbs };
            }
            default:
                return raw;
        }
    }
}

internal static class ShuffleExtensions
{
    public static T[] Shuffle<T>(this Random random, IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return copy;
    }
}
