using System.Text;

namespace QualityAnalytics.Etl.Tests.Reading;

/// <summary>A folder of its own for each test's files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qa-readers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes text as UTF-8 without a BOM, exactly as given (line breaks included).</summary>
    public string WriteText(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a failing test: leave it to the OS's temp cleaning
        }
    }
}
