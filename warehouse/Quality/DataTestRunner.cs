using System.Data.Common;

namespace QualityAnalytics.Warehouse.Quality;

/// <summary>Runs the data tests over a warehouse connection (read only: each test is one SELECT).</summary>
public static class DataTestRunner
{
    /// <summary>How many breaking rows each result quotes: enough to find the pattern, few enough to read.</summary>
    public const int ExampleCount = 5;

    public static IReadOnlyList<DataTestResult> Run(DbConnection connection, IEnumerable<DataTest>? tests = null) =>
        [.. (tests ?? DataTests.All).Select(test => Run(connection, test))];

    private static DataTestResult Run(DbConnection connection, DataTest test)
    {
        using var command = connection.CreateCommand();
        command.CommandText = test.ViolationsSql;
        using var reader = command.ExecuteReader();
        long failures = 0;
        var examples = new List<string>();
        while (reader.Read())
        {
            failures++;
            if (examples.Count < ExampleCount) examples.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }
        return new DataTestResult(test, failures, examples);
    }
}
