using System.Buffers;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Cli;

/// <summary>JSON written to a text stream as it is made, in the form <see cref="CliEnvironment.Json"/> gives (indented,
/// snake_case, Chinese as itself): a verb whose output grows with a file (a dry run's every quarantined value) keeps
/// no more than a chunk of it in memory.</summary>
internal sealed class StreamedJson : IDisposable
{
    /// <summary>Bytes kept before they are handed to the text stream; each hand-over ends on a whole token, so no
    /// character is cut in two.</summary>
    private const int ChunkBytes = 64 * 1024;

    private readonly TextWriter _out;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes * 2);

    public StreamedJson(TextWriter output)
    {
        _out = output;
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = CliEnvironment.Json.Encoder });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>One property whose value is serialised as the CLI's other JSON is.</summary>
    public void Property(string name, object? value)
    {
        Writer.WritePropertyName(name);
        Value(value);
    }

    public void Value(object? value)
    {
        JsonSerializer.Serialize(Writer, value, CliEnvironment.Json);
        Writer.Flush();
        if (_buffer.WrittenCount >= ChunkBytes) Hand();
    }

    /// <summary>An array property written item by item.</summary>
    public void Array<T>(string name, IEnumerable<T> items)
    {
        Writer.WriteStartArray(name);
        foreach (var item in items) Value(item);
        Writer.WriteEndArray();
    }

    /// <summary>Hands over what is left, then ends the line as <see cref="TextWriter.WriteLine(string)"/> would.</summary>
    public void Dispose()
    {
        Writer.Flush();
        Hand();
        _out.WriteLine();
        Writer.Dispose();
    }

    private void Hand()
    {
        _out.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }
}
