using System.Reflection;
using System.Runtime.CompilerServices;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Compiles the loader's per-row methods ahead of their first call, on a thread of its own, while the loading
/// thread plans the files and opens the warehouse.
/// <para>Those methods are marked <see cref="MethodImplOptions.AggressiveOptimization"/>: the JIT compiles them fully
/// optimized at their first call instead of running them unoptimized until a tier-up. That first compilation used to
/// happen on the writing and staging threads just as the first rows arrived, on the path every load waits for; a load
/// spends its first ~0.15 s on one thread (planning, opening, the audit rows), so the other core is free to compile
/// them meanwhile. Once per process: the compiled code stays for every later load (<c>qa serve</c>'s uploads and jobs).
/// Nothing depends on it having finished: a method the warm-up has not reached yet is compiled at its first call, as
/// before.</para></summary>
internal static class HotPathWarmup
{
    private static int s_started;

    /// <summary>Starts the compilation, the first time only.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 1) return;
        // A thread of its own: the thread pool's first work item costs the loading thread ~5 ms to start the pool.
        new Thread(Compile) { IsBackground = true, Name = "qa warm-up" }.Start();
    }

    /// <summary>The methods compiled: every non-generic method of this assembly marked AggressiveOptimization.</summary>
    internal static IEnumerable<MethodInfo> Methods() =>
        typeof(HotPathWarmup).Assembly.GetTypes()
            .Where(type => !type.ContainsGenericParameters)
            .SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => !method.ContainsGenericParameters && !method.IsAbstract &&
                             method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));

    // Nothing may escape this thread: an unhandled exception would end the process, for an optimisation. A method
    // or type the runtime will not compile ahead (or a type that cannot be read) is left to its first call, as without
    // the warm-up.
    private static void Compile()
    {
        try
        {
            foreach (var method in Methods())
            {
                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
                catch (Exception)
                {
                    // this one at its first call
                }
            }
        }
        catch (Exception)
        {
            // the rest at their first calls
        }
    }
}
