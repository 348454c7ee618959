using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>Writes a policy version as the policy file writes it (<see cref="PolicyFile"/>: snake_case keys in the file's
/// order, every value as a decimal), as a file of that one version. An approval keeps its version this way
/// (<see cref="ApprovedPolicy"/>): readable in the database as the working group wrote it, and read back by the same
/// reader and rules as policy.json, so what was approved can always be explained under the values it was approved by.</summary>
public static class PolicyFileWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary><c>{ "versions": [ { … } ] }</c> holding <paramref name="version"/>; <see cref="PolicyFile.Parse"/> reads it
    /// back to an equal version.</summary>
    public static string Write(ScoringPolicy version)
    {
        ArgumentNullException.ThrowIfNull(version);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            w.WriteStartObject();
            w.WriteStartArray("versions");
            WriteVersion(w, version);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteVersion(Utf8JsonWriter w, ScoringPolicy p)
    {
        w.WriteStartObject();
        w.WriteString("version", p.Version);
        w.WriteString("effective_from", p.EffectiveFrom.ToString());
        w.WriteStartObject("weights");
        w.WriteNumber("self_check", p.Weights.SelfCheck);
        w.WriteNumber("survey", p.Weights.Survey);
        w.WriteNumber("complaint", p.Weights.Complaint);
        w.WriteEndObject();
        w.WriteStartArray("consistency_tiers");
        foreach (var tier in p.ConsistencyTiers)
        {
            w.WriteStartObject();
            if (tier.UpTo is { } upTo) w.WriteNumber("up_to", upTo);
            else w.WriteNull("up_to");
            w.WriteNumber("penalty", tier.Penalty);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("survey_full_mark_threshold", p.SurveyFullMarkThreshold);
        w.WriteNumber("complaint_cost_per_valid", p.ComplaintCostPerValid);
        w.WriteNumber("complaint_floor", p.ComplaintFloor);
        w.WriteStartObject("callback_defaults");
        w.WriteNumber("incomplete", p.CallbackDefaults.Incomplete);
        w.WriteNumber("mismatch", p.CallbackDefaults.Mismatch);
        w.WriteEndObject();
        w.WriteStartObject("callback_deduction_range");
        w.WriteNumber("min", p.CallbackDeductionRange.Min);
        w.WriteNumber("max", p.CallbackDeductionRange.Max);
        w.WriteEndObject();
        w.WriteNumber("excellent_above", p.ExcellentAbove);
        w.WriteNumber("pass_at", p.PassAt);
        w.WriteNumber("penalty_per_point", p.PenaltyPerPoint);
        w.WriteNumber("penalty_floor_total", p.PenaltyFloorTotal);
        w.WriteNumber("reward_per_point", p.RewardPerPoint);
        w.WriteString("missing_data", p.MissingData.ToString().ToLowerInvariant());
        w.WriteNumber("budget", p.Budget);
        w.WriteStartObject("service_targets");
        w.WriteNumber("reply_hours", p.ServiceTargets.ReplyHours);
        w.WriteNumber("solution_working_days", p.ServiceTargets.SolutionWorkingDays);
        w.WriteNumber("satisfaction_target", p.ServiceTargets.SatisfactionTarget);
        w.WriteNumber("compliance_target", p.ServiceTargets.ComplianceTarget);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
