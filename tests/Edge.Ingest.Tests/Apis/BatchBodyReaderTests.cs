using Edge.Ingest.Apis;
using Microsoft.AspNetCore.Http;

namespace Edge.Ingest.Tests.Apis;

// The test server always sends a Content-Length, so the limit on bodies of unknown length is tested here directly.
public sealed class BatchBodyReaderTests
{
    [Fact]
    public async Task ReadAsync_UnknownLengthOverLimit_Null()
    {
        var request = Request(new MemoryStream(new byte[513]), contentLength: null);

        Assert.Null(await BatchBodyReader.ReadAsync(request, 512, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_EndlessBody_StopsAfterLimit()
    {
        var body = new EndlessStream();
        var request = Request(body, contentLength: null);

        Assert.Null(await BatchBodyReader.ReadAsync(request, 1_000_000, CancellationToken.None));
        Assert.InRange(body.Served, 1_000_001, 1_000_000 + (64 * 1024));
    }

    [Fact]
    public async Task ReadAsync_UnknownLengthAtLimit_WholeBody()
    {
        var bytes = Enumerable.Range(0, 512).Select(i => (byte)i).ToArray();
        var request = Request(new MemoryStream(bytes), contentLength: null);

        var body = await BatchBodyReader.ReadAsync(request, 512, CancellationToken.None);

        Assert.Equal(bytes, body!.Value.ToArray());
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverLimit_NullWithoutReading()
    {
        var body = new EndlessStream();
        var request = Request(body, contentLength: 513);

        Assert.Null(await BatchBodyReader.ReadAsync(request, 512, CancellationToken.None));
        Assert.Equal(0, body.Served);
    }

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    /// <summary>A body that never ends, counting what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)0x55, offset, count);
            Served += count;
            return count;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
