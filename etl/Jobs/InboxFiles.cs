using QualityAnalytics.Etl.Reading;

namespace QualityAnalytics.Etl.Jobs;

/// <summary>A file of the inbox as the nightly load saw it when it listed the inbox.</summary>
public sealed record InboxFile(string Path, long Length, DateTime LastWriteUtc)
{
    /// <summary>True while the file is still the one listed: same length, same last write. A file that grew or was
    /// rewritten while it was being loaded was still being written, and the load may have read only part of it.</summary>
    public bool IsUnchanged()
    {
        var now = new FileInfo(Path);
        return now.Exists && now.Length == Length && now.LastWriteTimeUtc == LastWriteUtc;
    }
}

/// <summary>Which files of the inbox the nightly load takes now. Departments drop their files into a shared folder
/// (SMB, NFS, scp) at any hour, and a copy in progress is a file of the final name holding a part of the data: loaded, a
/// CSV would give half its rows and a workbook would be refused and moved to rejected/, while the copier kept writing
/// into the moved file. File-drop systems wait until a file has stopped changing (Spring Integration's
/// LastModifiedFileListFilter, Camel's readLock=changed); so does this: a file written to within the last
/// <see cref="SettleTime"/> waits for the next run. Files a copier or an editor keeps for itself are never taken: hidden
/// files and folders (rsync's .name.XXXXXX and --partial-dir, macOS's ._name and .DS_Store), Excel's ~$name.xlsx lock
/// file, and every name that is not a supported type (name.csv.part, name.tmp, Thumbs.db).</summary>
public static class InboxFiles
{
    /// <summary>How long a file must have gone unwritten before it is taken. A copy in progress touches its file every
    /// moment; a minute also covers a file server whose clock runs a little ahead of this one.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(1);

    /// <summary>The inbox's files in a repeatable (ordinal) order: those to load now, and those still being written.</summary>
    public static (IReadOnlyList<InboxFile> Ready, IReadOnlyList<string> Waiting) List(string inbox, DateTimeOffset now)
    {
        var ready = new List<InboxFile>();
        var waiting = new List<string>();
        if (!Directory.Exists(inbox)) return (ready, waiting);
        var root = Path.GetFullPath(inbox);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!IsCandidate(Path.GetRelativePath(root, path))) continue;
            var info = new FileInfo(path);
            if (!info.Exists) continue; // taken away while we looked
            var age = now.UtcDateTime - info.LastWriteTimeUtc;
            // Written within the settle time, either side of now: a file whose time is far ahead (a file kept with the
            // time of a machine whose clock is wrong) cannot be judged by its age, and waiting would hold it for ever;
            // a change during its load still keeps it in the inbox (NightlyLoadJob).
            if (age < SettleTime && age > -SettleTime) waiting.Add(path);
            else ready.Add(new InboxFile(path, info.Length, info.LastWriteTimeUtc));
        }
        return (ready, waiting);
    }

    private static bool IsCandidate(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (parts.Any(p => p.StartsWith('.'))) return false;
        var name = parts[^1];
        return !name.StartsWith("~$", StringComparison.Ordinal) && TabularFile.IsSupported(name);
    }
}
