using System.Reflection;
using System.Runtime.CompilerServices;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Reading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>The warm-up compiles, ahead of a load's first rows, exactly the loader's methods that the JIT compiles fully
/// optimized at their first call (HotPathWarmup says why), and each of them compiles.</summary>
public sealed class HotPathWarmupTests
{
    [Fact]
    public void The_warm_up_takes_the_per_row_methods_marked_for_optimization_at_first_call_and_only_those()
    {
        var methods = HotPathWarmup.Methods().ToList();

        Assert.All(methods, m => Assert.True(m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), m.Name));
        // The writing thread's per-row path and the staging thread's, by name.
        Assert.Contains(methods, m => m.DeclaringType == typeof(PendingRows) && m.Name == nameof(PendingRows.Flush));
        Assert.Contains(methods, m => m.DeclaringType == typeof(SqliteBatchInsert) && m.Name == nameof(SqliteBatchInsert.Insert));
        Assert.Contains(methods, m => m.DeclaringType == typeof(CsvSource) && m.Name == "TryReadCells");
        Assert.Contains(methods, m => m.DeclaringType == typeof(StagingPipeline) && m.Name == "Produce");
        // Not the many methods that tier up as usual (here, the planning's).
        Assert.DoesNotContain(methods, m => m.DeclaringType == typeof(FileLoader));
    }

    [Fact]
    public void Each_method_of_the_warm_up_compiles()
    {
        foreach (var method in HotPathWarmup.Methods()) RuntimeHelpers.PrepareMethod(method.MethodHandle);
    }
}
