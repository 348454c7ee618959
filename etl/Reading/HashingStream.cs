using System.Security.Cryptography;

namespace QualityAnalytics.Etl.Reading;

/// <summary>Computes the SHA-256 of a file's bytes as they are read for loading, so that the audit's content hash is
/// the hash of exactly the bytes that were loaded, and a large file is read once instead of once more for the hash
/// (docs/benchmarks.md).</summary>
internal sealed class HashingStream(Stream inner) : ReadOnlyWrapperStream(inner)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The lower-case hex SHA-256 of every byte read, once a read has reached the end; null before.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        if (read > 0)
        {
            _hash.AppendData(buffer[..read]);
            BytesRead += read;
        }
        else if (buffer.Length > 0 && Sha256 is null)
        {
            Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
