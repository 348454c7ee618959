using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A chunk's encoded rows fill one pinned buffer after another, a row longer than a buffer gets one of its own,
/// and once the chunk is written the same buffers are written over instead of new ones allocated.</summary>
public sealed class EncodedChunkBuffersTests
{
    [Fact]
    public void Rows_fill_a_buffer_then_the_next_a_long_row_gets_its_own_and_a_reset_writes_over_the_same_buffers()
    {
        var buffers = new EncodedChunkBuffers();
        var row = new byte[1000];
        var rows = new List<EncodedRow>();
        for (var i = 0; i < 40; i++)
        {
            Array.Fill(row, (byte)i);
            rows.Add(buffers.Append(row));
        }
        Assert.Equal(2, buffers.BufferCount); // 40,000 bytes: 32 whole rows in the first buffer, the rest in the second
        for (var i = 0; i < 40; i++) Assert.All(rows[i].Entries.ToArray(), b => Assert.Equal((byte)i, b));

        var longRow = buffers.Append(new byte[EncodedChunkBuffers.BufferBytes + 1]);
        Assert.Equal(3, buffers.BufferCount);
        Assert.Equal(EncodedChunkBuffers.BufferBytes + 1, longRow.Entries.Length);
        Assert.All(rows[39].Entries.ToArray(), b => Assert.Equal((byte)39, b)); // untouched by the long row

        buffers.Reset();
        Array.Fill(row, (byte)200);
        var again = buffers.Append(row);
        Assert.Equal(3, buffers.BufferCount);
        Assert.True(again.Entries.Overlaps(rows[0].Entries)); // the first row's place, written over
        Assert.All(rows[0].Entries.ToArray(), b => Assert.Equal((byte)200, b));
    }
}
