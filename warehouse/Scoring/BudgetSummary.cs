namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>
/// The working group's fund (第十四条 4): it pays rewards (and expenses), so Remaining = Budget − Rewards.
/// Penalties are reported as a positive sum; Net = Rewards − Penalties (the sum of the signed amounts).
/// </summary>
public sealed record BudgetSummary(decimal Budget, decimal Rewards, decimal Penalties, decimal Net, decimal Remaining, bool OverBudget)
{
    /// <summary>Sums the amounts of the given assessments (the caller chooses the period: one quarter, or a year).</summary>
    public static BudgetSummary Of(IEnumerable<Assessment> assessments, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        return OfAmounts(assessments.Select(a => a.Amount), policy);
    }

    /// <summary>Sums signed amounts (rewards positive, penalties negative): an approved snapshot's stored amounts, say.</summary>
    public static BudgetSummary OfAmounts(IEnumerable<decimal> amounts, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(policy);
        decimal rewards = 0, penalties = 0;
        foreach (var amount in amounts)
        {
            if (amount > 0) rewards += amount;
            else penalties -= amount;
        }
        return new BudgetSummary(policy.Budget, rewards, penalties, rewards - penalties, policy.Budget - rewards, rewards > policy.Budget);
    }
}
