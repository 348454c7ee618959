using System.Data.Common;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Whether the working group has decided on a survey answer's exclusion (第十一条 持异议: <c>qa exclude</c>,
/// its <c>--undo</c>, the dashboard), which <see cref="Warehouse.Scoring.Mart.QuestionnaireExclusion"/> records as a
/// row change of batch 0. Such a decision is changed only by another decision, never by a load: a department
/// re-sending its file (whose 是否剔除 column knows nothing of the dispute) silently undid it. The file's column still
/// governs the exclusions no decision touched, those that came from files. Asked only on the update path, when a load
/// would change an answer's exclusion, so a fresh load and an unchanged reload never ask.</summary>
internal sealed class WorkingGroupDecisions(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly PreparedExistsLookup _decided = new(connection, transaction,
        "SELECT 1 FROM row_change WHERE table_name = 'fact_survey_answer' AND natural_key = @value AND batch_id = 0 LIMIT 1");

    /// <param name="naturalKey">The answer's key as the change history writes it: <c>response_id|question</c>.</param>
    public bool Decided(string naturalKey) => _decided.Exists(naturalKey);

    public void Dispose() => _decided.Dispose();
}
