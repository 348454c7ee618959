namespace QualityAnalytics.Warehouse.Quality;

/// <summary>One assertion over the stored data, in the shape of dbt's data tests: a query that returns the rows
/// breaking it (one text column describing each: its natural key, and what is wrong where that helps). None returned
/// means it holds. The database enforces keys and NOT NULL itself; these check what it cannot (the facts carry no
/// foreign keys, so that the loader can write them in bulk) and what must hold between tables.</summary>
/// <param name="Name">Stable, for scripts: "relationship:fact_complaint.channel_key".</param>
/// <param name="Model">The table whose rows the test judges.</param>
/// <param name="Rule">What must hold, in words: English (the command line's diagnostics are English).</param>
/// <param name="RuleZh">The same in Chinese, for the working group's data page.</param>
/// <param name="ViolationsSql">Portable SQL (SQLite and PostgreSQL) selecting one text column per breaking row.</param>
public sealed record DataTest(string Name, string Model, DataTestSeverity Severity, string Rule, string RuleZh, string ViolationsSql)
{
    /// <summary>error or warn, as dbt names them.</summary>
    public string SeverityName => Severity == DataTestSeverity.Error ? "error" : "warn";
}

public enum DataTestSeverity
{
    /// <summary>The data is wrong: numbers built on it may be wrong.</summary>
    Error,

    /// <summary>Allowed by the data contract but worth a look (it is also a load warning), e.g. a check whose score
    /// does not equal 100 − Σ deductions.</summary>
    Warn,
}

/// <param name="Failures">How many rows break the test.</param>
/// <param name="Examples">The first few of them, as the test describes them.</param>
public sealed record DataTestResult(DataTest Test, long Failures, IReadOnlyList<string> Examples)
{
    public bool Passed => Failures == 0;

    /// <summary>Failed at error level: the data is wrong (a warning is what the contract lets in with a load warning).</summary>
    public bool FailedAsError => !Passed && Test.Severity == DataTestSeverity.Error;

    /// <summary>pass, fail (at error level) or warn: the word `qa verify` and the data page show.</summary>
    public string Status => Passed ? "pass" : FailedAsError ? "fail" : "warn";
}
