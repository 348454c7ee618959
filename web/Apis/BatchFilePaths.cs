using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Apis;

/// <summary>A batch's files as the data desk names them: each path below the folder the batch's files all share. Two
/// departments' 投诉.csv in the inbox read LOG/投诉.csv and STO/投诉.csv, where the bare name made them one; the folders
/// above (the inbox, the uploads folder, wherever `qa load` ran) are the server's layout, which the browser is not shown.
/// A batch of one folder's files (an upload) shows bare names, as before.</summary>
internal static class BatchFilePaths
{
    /// <summary>Each source file of the batch (by id) with its path as shown.</summary>
    public static Dictionary<long, string> Of(WarehouseDbContext db, long batchId)
    {
        var files = db.SourceFiles.AsNoTracking().Where(f => f.BatchId == batchId).Select(f => new { f.Id, f.Path }).ToList();
        var shared = SharedFolder(files.Select(f => f.Path));
        return files.ToDictionary(f => f.Id, f => shared is null ? Path.GetFileName(f.Path) : Path.GetRelativePath(shared, f.Path));
    }

    /// <summary>The deepest folder holding every path, or null when none does (paths on different drives).</summary>
    internal static string? SharedFolder(IEnumerable<string> paths)
    {
        string? shared = null;
        foreach (var path in paths)
        {
            shared ??= Path.GetDirectoryName(path);
            while (shared is not null && !IsBelow(path, shared)) shared = Path.GetDirectoryName(shared);
            if (shared is null) return null;
        }
        return shared;
    }

    private static bool IsBelow(string path, string folder) =>
        path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
