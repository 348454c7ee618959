using System.Globalization;
using System.Text.Json;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>
/// Reads the policy file: <c>{ "versions": [ { "version": "2013-07", "effective_from": "2013Q3", ... } ] }</c>, snake_case keys,
/// every key required except a tier's <c>up_to</c> and a version's <c>service_targets</c> (absent: policy §7's values, so
/// files and warehouses from before the key existed read as they did), unknown keys rejected, // comments allowed.
/// default-policy.json beside this file is the documented sample. Reading validates and reports every problem at once.
/// </summary>
public static class PolicyFile
{
    private const string ResourceName = "QualityAnalytics.Warehouse.Scoring.default-policy.json";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<PolicySet> DefaultSet = new(LoadDefault);

    /// <summary>The defaults of policy.md, from the embedded default-policy.json.</summary>
    public static PolicySet Default => DefaultSet.Value;

    public static PolicySet Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates; <paramref name="sourceName"/> (a path or resource name) prefixes every message.</summary>
    public static PolicySet Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            // The reader's own text is English and speaks of bytes ("LineNumber: 2 | BytePositionInLine: 17"); the line
            // and the column a person counts in an editor say where to look in either language.
            throw new PolicyValidationException(sourceName, [PolicyProblem.OfFile("NotJson", SyntaxErrorAt(json, e))]);
        }

        using (doc)
        {
            var problems = new List<PolicyProblem>();
            var versions = ReadFile(doc.RootElement, problems, out var count);
            // The rules on values run on whatever of each version read, so one pass tells a value that does not read and
            // every rule broken elsewhere together (a misspelt missing_data does not hide a weight sum that is not 1).
            foreach (var (i, draft) in versions) problems.AddRange(draft.Problems().Select(p => p.Under($"versions[{i}]")));
            if (problems.Count == 0 || count > 0) problems.AddRange(PolicySet.SetProblems(versions, count));
            if (problems.Count > 0) throw new PolicyValidationException(sourceName, problems);
            return new PolicySet(versions.Select(v => v.Draft.ToPolicy()), sourceName);
        }
    }

    /// <summary>The 1-based line and column (in characters, not UTF-8 bytes: a Chinese comment before the fault would
    /// otherwise push the column past the text) of a JSON syntax error, as text for the message.</summary>
    private static object[] SyntaxErrorAt(string json, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var lines = json.Split('\n');
        var text = line < lines.Length ? lines[line] : "";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var column = System.Text.Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(e.BytePositionInLine ?? 0, bytes.Length)) + 1;
        return [Text.Count(line + 1), Text.Count(column)];
    }

    private static PolicySet LoadDefault()
    {
        using var stream = typeof(PolicyFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(PolicyFile).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default-policy.json (embedded)");
    }

    /// <summary>Every version that is an object, as far as its values read, each with its index in the file (for key
    /// paths); problems of reading collected on the way.</summary>
    private static List<(int Index, PolicyDraft Draft)> ReadFile(JsonElement root, List<PolicyProblem> problems, out int count)
    {
        count = 0;
        var result = new List<(int, PolicyDraft)>();
        var file = Obj.Open(root, "", problems, "versions");
        if (file?.Get("versions") is not { } versions) return result;
        if (versions.ValueKind != JsonValueKind.Array)
        {
            problems.Add(PolicyProblem.At("versions", "ExpectedArray", PolicyProblem.Kind(versions.ValueKind)));
            return result;
        }
        foreach (var element in versions.EnumerateArray())
        {
            if (ReadVersion(element, $"versions[{count}]", problems) is { } draft) result.Add((count, draft));
            count++;
        }
        return result;
    }

    /// <summary>A version as far as its values read (null: it is not an object); each value that does not read is told once.</summary>
    private static PolicyDraft? ReadVersion(JsonElement element, string path, List<PolicyProblem> problems)
    {
        var o = Obj.Open(element, path, problems,
            "version", "effective_from", "weights", "consistency_tiers", "survey_full_mark_threshold",
            "complaint_cost_per_valid", "complaint_floor", "callback_defaults", "callback_deduction_range",
            "excellent_above", "pass_at", "penalty_per_point", "penalty_floor_total", "reward_per_point",
            "missing_data", "budget", "service_targets");
        if (o is null) return null;

        var version = o.String("version");
        Quarter? effectiveFrom = null;
        if (o.String("effective_from") is { } ef)
        {
            if (Quarter.TryParse(ef, out var q)) effectiveFrom = q;
            else problems.Add(PolicyProblem.At($"{path}.effective_from", "NotAQuarter", ef));
        }
        var weights = o.Object("weights", "self_check", "survey", "complaint");
        var defaults = o.Object("callback_defaults", "incomplete", "mismatch");
        var range = o.Object("callback_deduction_range", "min", "max");
        var targets = o.Object("service_targets", optional: true, "reply_hours", "solution_working_days", "satisfaction_target", "compliance_target");

        return new PolicyDraft
        {
            Version = version,
            EffectiveFrom = effectiveFrom,
            SelfCheck = weights?.Decimal("self_check"),
            Survey = weights?.Decimal("survey"),
            Complaint = weights?.Decimal("complaint"),
            Tiers = ReadTiers(o, path, problems),
            SurveyFullMarkThreshold = o.Decimal("survey_full_mark_threshold"),
            ComplaintCostPerValid = o.Points("complaint_cost_per_valid"),
            ComplaintFloor = o.Decimal("complaint_floor"),
            Incomplete = defaults?.Points("incomplete"),
            Mismatch = defaults?.Points("mismatch"),
            DeductionMin = range?.Points("min"),
            DeductionMax = range?.Points("max"),
            ExcellentAbove = o.Decimal("excellent_above"),
            PassAt = o.Decimal("pass_at"),
            PenaltyPerPoint = o.Decimal("penalty_per_point"),
            PenaltyFloorTotal = o.Decimal("penalty_floor_total"),
            RewardPerPoint = o.Decimal("reward_per_point"),
            MissingData = ReadMissingData(o, path, problems),
            Budget = o.Decimal("budget"),
            ServiceTargets = targets is null ? null
                : new ServiceTargetsDraft(targets.Decimal("reply_hours"), targets.Decimal("solution_working_days"),
                    targets.Decimal("satisfaction_target"), targets.Decimal("compliance_target")),
        };
    }

    /// <summary>Every tier of the file, one entry each (a tier that does not read too), so a later tier keeps its own index.</summary>
    private static List<TierDraft>? ReadTiers(Obj o, string path, List<PolicyProblem> problems)
    {
        if (o.Get("consistency_tiers") is not { } tiersElement) return null;
        if (tiersElement.ValueKind != JsonValueKind.Array)
        {
            problems.Add(PolicyProblem.At($"{path}.consistency_tiers", "ExpectedArray", PolicyProblem.Kind(tiersElement.ValueKind)));
            return null;
        }
        var tiers = new List<TierDraft>();
        foreach (var t in tiersElement.EnumerateArray())
        {
            var tier = Obj.Open(t, $"{path}.consistency_tiers[{tiers.Count}]", problems, "up_to", "penalty");
            if (tier is null) tiers.Add(TierDraft.Unreadable);
            else
            {
                var upToRead = tier.OptionalDecimal("up_to", out var upTo);
                tiers.Add(new TierDraft(upTo, upToRead, tier.Points("penalty")));
            }
        }
        return tiers;
    }

    private static MissingDataOption? ReadMissingData(Obj o, string path, List<PolicyProblem> problems)
    {
        if (o.String("missing_data") is not { } md) return null;
        MissingDataOption? missing = md switch
        {
            "rescale" => MissingDataOption.Rescale,
            "zero" => MissingDataOption.Zero,
            "withhold" => MissingDataOption.Withhold,
            _ => null,
        };
        if (missing is null) problems.Add(PolicyProblem.At($"{path}.missing_data", "NotAMissingDataOption", md));
        return missing;
    }

    /// <summary>One JSON object being read: checks it is an object, rejects unknown and duplicate keys, reports missing and mistyped ones.</summary>
    private sealed class Obj
    {
        private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
        private readonly string _path;
        private readonly List<PolicyProblem> _problems;

        private Obj(string path, List<PolicyProblem> problems)
        {
            _path = path;
            _problems = problems;
        }

        public static Obj? Open(JsonElement element, string path, List<PolicyProblem> problems, params string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(PolicyProblem.At(path, "ExpectedObject", PolicyProblem.Kind(element.ValueKind)));
                return null;
            }
            var o = new Obj(path, problems);
            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                    problems.Add(PolicyProblem.At(o.Key(property.Name), "UnknownKey", string.Join(", ", allowed)));
                else if (!o._properties.TryAdd(property.Name, property.Value))
                    problems.Add(PolicyProblem.At(o.Key(property.Name), "DuplicateKey"));
            }
            return o;
        }

        private string Key(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

        public JsonElement? Get(string name, bool optional = false)
        {
            if (_properties.TryGetValue(name, out var value)) return value;
            if (!optional) _problems.Add(PolicyProblem.At(Key(name), "MissingKey"));
            return null;
        }

        public Obj? Object(string name, params string[] allowed) => Object(name, optional: false, allowed);

        /// <summary>An object; when <paramref name="optional"/>, its absence is no problem (null), but anything else
        /// that is not an object is.</summary>
        public Obj? Object(string name, bool optional, params string[] allowed) =>
            Get(name, optional) is { } e ? Open(e, Key(name), _problems, allowed) : null;

        public string? String(string name)
        {
            if (Get(name) is not { } e) return null;
            if (e.ValueKind == JsonValueKind.String) return e.GetString();
            _problems.Add(PolicyProblem.At(Key(name), "ExpectedString", PolicyProblem.Kind(e.ValueKind)));
            return null;
        }

        /// <summary>A number of points that scores are built from (a tier's penalty, a complaint's cost, a callback's
        /// deduction, and the bounds of callback_deduction_range, which a recorded deduction outside them becomes): at most
        /// 2 decimals, as every score is kept and printed (the data contract's JSON has at most 2), so that a penalty of
        /// 0.125 cannot make a consistency_penalty of 0.375, nor a min of 0.555 a callback deduction, that no output can show.</summary>
        public decimal? Points(string name)
        {
            var value = Decimal(name);
            if (value is { } v && Math.Round(v, 2, MidpointRounding.AwayFromZero) != v)
            {
                _problems.Add(PolicyProblem.At(Key(name), "TooManyDecimals", v.ToString(CultureInfo.InvariantCulture)));
            }
            return value;
        }

        /// <summary>An optional number: absent or null gives null without a problem. False when it is there but is not
        /// a number (told as a problem), which is not the same as absent: a tier's up_to that does not read is not open-ended.</summary>
        public bool OptionalDecimal(string name, out decimal? value)
        {
            value = null;
            if (Get(name, optional: true) is not { } e || e.ValueKind == JsonValueKind.Null) return true;
            value = Decimal(name);
            return value is not null;
        }

        /// <summary>A required number; null (told as a problem) when it is missing or is not a number.</summary>
        public decimal? Decimal(string name)
        {
            if (Get(name) is not { } e) return null;
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d)) return d;
            // A number too large for decimal is named by its text; anything else by what it is.
            _problems.Add(PolicyProblem.At(Key(name), "ExpectedNumber", e.ValueKind == JsonValueKind.Number ? e.GetRawText() : PolicyProblem.Kind(e.ValueKind)));
            return null;
        }
    }
}
