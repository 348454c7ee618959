using System.Data.Common;
using System.Globalization;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The contract's data warning: a check with deductions should score 100 − Σ points. The row still loads;
/// the warning names the check and both numbers. Checked in decimal, in C#, for the checks this file touched.</summary>
internal static class CheckDeductionConsistency
{
    private static string Text(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static void Warn(DbConnection connection, DbTransaction transaction, long sourceFileId, AuditWriter audit)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = """
            SELECT c.check_id, c.score, d.points,
                   COALESCE((SELECT MIN(x.source_line) FROM fact_check_deduction x WHERE x.check_id = c.check_id AND x.source_file_id = @f), c.source_line)
            FROM fact_check c JOIN fact_check_deduction d ON d.check_id = c.check_id
            WHERE c.check_id IN (SELECT check_id FROM fact_check WHERE source_file_id = @f
                                 UNION SELECT check_id FROM fact_check_deduction WHERE source_file_id = @f)
            ORDER BY c.check_id
            """;
        var p = cmd.CreateParameter();
        p.ParameterName = "@f";
        p.Value = sourceFileId;
        cmd.Parameters.Add(p);
        var sums = new Dictionary<string, (decimal Score, decimal Points, int Line)>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                // GetDecimal, not text: SQLite keeps decimals as TEXT (its reader parses them invariantly), PostgreSQL as numeric.
                var score = r.GetDecimal(1);
                var points = r.GetDecimal(2);
                sums[id] = sums.TryGetValue(id, out var s) ? s with { Points = s.Points + points } : (score, points, r.GetInt32(3));
            }
        }
        foreach (var (id, s) in sums)
        {
            if (s.Score == 100 - s.Points) continue;
            audit.Warn(s.Line, "score", Text(s.Score), $"check {id} scores {Text(s.Score)} but its deductions total {Text(s.Points)} (expected {Text(100 - s.Points)})");
        }
    }
}
