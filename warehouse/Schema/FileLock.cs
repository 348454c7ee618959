namespace QualityAnalytics.Warehouse.Schema;

/// <summary>An exclusive lock on a file, across processes on one machine. The operating system releases it when its
/// process ends, however it ends, so a killed process never leaves it held.</summary>
public static class FileLock
{
    public static FileStream Acquire(string path, TimeSpan timeout, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                cancel.ThrowIfCancellationRequested();
                Thread.Sleep(100);
            }
        }
    }
}
