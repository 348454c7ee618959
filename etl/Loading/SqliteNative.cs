using System.Runtime.InteropServices;
using SQLitePCL;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The bind, column and connection-mutex functions of the e_sqlite3 library SQLitePCLRaw loaded, called directly. Each of
/// SQLitePCLRaw's own calls takes and releases the statement's safe handle around a full P/Invoke transition: for the
/// 16 values a row binds, and the ~15 a reload reads back per stored row, that was a fifth of a bulk load's time and
/// a tenth of a reload's (docs/benchmarks.md). The bind and column calls are short and never call back or wait, so they
/// run without the GC transition. <see cref="Available"/> is false where the exports cannot be found (another SQLitePCLRaw provider,
/// another build): the callers then go through SQLitePCLRaw.</summary>
internal static unsafe class SqliteNative
{
    public static readonly nint Static = 0; // SQLITE_STATIC: SQLite reads the bytes where they are

    public static readonly bool Available;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> s_bindNull;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int> s_bindInt64;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double, int> s_bindDouble;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int> s_bindText;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> s_columnType;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long> s_columnInt64;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double> s_columnDouble;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*> s_columnText;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> s_columnBytes;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint> s_dbMutex;
    // With the GC transition: entering a mutex may wait, and a thread waiting in native code must not hold up a
    // collection. Once per batch, its cost does not matter.
    private static readonly delegate* unmanaged[Cdecl]<nint, void> s_mutexEnter;
    private static readonly delegate* unmanaged[Cdecl]<nint, void> s_mutexLeave;

    static SqliteNative()
    {
        // Only the library SQLitePCLRaw itself runs on: a statement handle must never reach another SQLite build.
        if (raw.GetNativeLibraryName() != "e_sqlite3") return;
        if (!NativeLibrary.TryLoad("e_sqlite3", typeof(SQLite3Provider_e_sqlite3).Assembly, null, out var library)) return;
        if (!NativeLibrary.TryGetExport(library, "sqlite3_bind_null", out var bindNull) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_bind_int64", out var bindInt64) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_bind_double", out var bindDouble) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_bind_text", out var bindText) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_column_type", out var columnType) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_column_int64", out var columnInt64) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_column_double", out var columnDouble) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_column_text", out var columnText) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_column_bytes", out var columnBytes) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_db_mutex", out var dbMutex) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_mutex_enter", out var mutexEnter) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_mutex_leave", out var mutexLeave) ||
            !NativeLibrary.TryGetExport(library, "sqlite3_libversion_number", out var version)) return;
        // The same build as the one the connections use, or nothing.
        if (((delegate* unmanaged[Cdecl]<int>)version)() != raw.sqlite3_libversion_number()) return;
        s_bindNull = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)bindNull;
        s_bindInt64 = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int>)bindInt64;
        s_bindDouble = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double, int>)bindDouble;
        s_bindText = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int>)bindText;
        s_columnType = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)columnType;
        s_columnInt64 = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long>)columnInt64;
        s_columnDouble = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double>)columnDouble;
        s_columnText = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*>)columnText;
        s_columnBytes = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)columnBytes;
        s_dbMutex = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint>)dbMutex;
        s_mutexEnter = (delegate* unmanaged[Cdecl]<nint, void>)mutexEnter;
        s_mutexLeave = (delegate* unmanaged[Cdecl]<nint, void>)mutexLeave;
        Available = true;
    }

    public static int BindNull(nint stmt, int index) => s_bindNull(stmt, index);
    public static int BindInt64(nint stmt, int index, long value) => s_bindInt64(stmt, index, value);
    public static int BindDouble(nint stmt, int index, double value) => s_bindDouble(stmt, index, value);
    public static int BindText(nint stmt, int index, byte* text, int length, nint destructor) => s_bindText(stmt, index, text, length, destructor);

    /// <summary>The connection's mutex (zero when SQLite runs without one).</summary>
    public static nint DbMutex(nint db) => s_dbMutex(db);

    // SQLITE_MUTEX_RECURSIVE: the owner entering again only counts up. No wait in practice: only the loading thread uses
    // its connection.
    public static void MutexEnter(nint mutex) => s_mutexEnter(mutex);
    public static void MutexLeave(nint mutex) => s_mutexLeave(mutex);

    public static int ColumnType(nint stmt, int index) => s_columnType(stmt, index);
    public static long ColumnInt64(nint stmt, int index) => s_columnInt64(stmt, index);
    public static double ColumnDouble(nint stmt, int index) => s_columnDouble(stmt, index);

    /// <summary>A TEXT column's UTF-8 bytes where SQLite holds them: valid until the statement steps or resets.</summary>
    public static ReadOnlySpan<byte> ColumnUtf8(nint stmt, int index)
    {
        var text = s_columnText(stmt, index); // before column_bytes, as SQLite's documentation asks
        var length = s_columnBytes(stmt, index);
        return text is null ? [] : new ReadOnlySpan<byte>(text, length);
    }

    /// <summary>A TEXT column as a string (UTF-8 decoded at once: SQLite's buffer lasts only until the next step).</summary>
    public static string ColumnText(nint stmt, int index)
    {
        var text = s_columnText(stmt, index); // before column_bytes, as SQLite's documentation asks
        var length = s_columnBytes(stmt, index);
        return text is null ? string.Empty : System.Text.Encoding.UTF8.GetString(text, length);
    }
}
