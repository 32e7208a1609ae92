using Edge.Gateway.Links.Iridium;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Gateway.Tests.Links.Iridium;

public sealed class SbdReassemblerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Accept_OutOfOrderWithDuplicates_CompletesOnceWithOriginalBytes()
    {
        var body = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var messages = SbdFragmenter.Split(9, body, 340);
        var reassembler = new SbdReassembler(new SbdReassemblerOptions(), _time);

        Assert.Equal(SbdReassemblyStatus.Incomplete, reassembler.Accept("imei", messages[2]).Status);
        Assert.Equal(SbdReassemblyStatus.Incomplete, reassembler.Accept("imei", messages[0]).Status);
        Assert.Equal(SbdReassemblyStatus.Duplicate, reassembler.Accept("imei", messages[2]).Status);
        var done = reassembler.Accept("imei", messages[1]);

        Assert.Equal(SbdReassemblyStatus.Complete, done.Status);
        Assert.Equal(body, done.Body);
        Assert.Equal(1, reassembler.Duplicates);
        Assert.Equal(0, reassembler.PartialCount);
    }

    [Fact]
    public void Accept_SameTransferFromTwoModems_KeptApart()
    {
        var a = SbdFragmenter.Split(1, new byte[] { 1, 2, 3, 4 }, 8);
        var b = SbdFragmenter.Split(1, new byte[] { 5, 6, 7, 8 }, 8);
        var reassembler = new SbdReassembler(new SbdReassemblerOptions(), _time);

        reassembler.Accept("A", a[0]);
        reassembler.Accept("B", b[1]);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, reassembler.Accept("A", a[1]).Body);
        Assert.Equal(new byte[] { 5, 6, 7, 8 }, reassembler.Accept("B", b[0]).Body);
    }

    [Fact]
    public void Accept_AfterStaleAfter_PartialDroppedAndTransferStartsOver()
    {
        var messages = SbdFragmenter.Split(3, new byte[] { 1, 2, 3, 4 }, 8);
        var reassembler = new SbdReassembler(new SbdReassemblerOptions { StaleAfter = TimeSpan.FromHours(1) }, _time);
        reassembler.Accept("imei", messages[0]);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(SbdReassemblyStatus.Incomplete, reassembler.Accept("imei", messages[1]).Status);
        Assert.Equal(1, reassembler.Abandoned);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, reassembler.Accept("imei", messages[0]).Body);
    }

    [Fact]
    public void Accept_SameTransferIdOtherCount_ReplacesPartial()
    {
        var old = SbdFragmenter.Split(5, new byte[] { 1, 2, 3, 4, 5, 6 }, 8);
        var fresh = SbdFragmenter.Split(5, new byte[] { 9, 9, 9, 9 }, 8);
        var reassembler = new SbdReassembler(new SbdReassemblerOptions(), _time);
        reassembler.Accept("imei", old[0]);

        reassembler.Accept("imei", fresh[1]);
        var done = reassembler.Accept("imei", fresh[0]);

        Assert.Equal(new byte[] { 9, 9, 9, 9 }, done.Body);
        Assert.Equal(1, reassembler.Abandoned);
    }

    [Fact]
    public void Accept_CompletedTransferSentAgain_CompletesAgain()
    {
        // No memory of completed transfers: the ingest deduplicates the second copy by batch id.
        var messages = SbdFragmenter.Split(4, new byte[] { 1, 2, 3 }, 10);
        var reassembler = new SbdReassembler(new SbdReassemblerOptions(), _time);

        Assert.Equal(SbdReassemblyStatus.Complete, reassembler.Accept("imei", messages[0]).Status);
        Assert.Equal(SbdReassemblyStatus.Complete, reassembler.Accept("imei", messages[0]).Status);
        Assert.Equal(2, reassembler.Completed);
    }

    [Fact]
    public void Accept_OverPerSourceLimit_DropsLeastRecentlyFed()
    {
        var reassembler = new SbdReassembler(new SbdReassemblerOptions { MaxPartialsPerSource = 2 }, _time);
        reassembler.Accept("imei", SbdFragmenter.Split(1, new byte[4], 8)[0]);
        _time.Advance(TimeSpan.FromSeconds(1));
        reassembler.Accept("imei", SbdFragmenter.Split(2, new byte[4], 8)[0]);
        _time.Advance(TimeSpan.FromSeconds(1));
        reassembler.Accept("imei", SbdFragmenter.Split(3, new byte[4], 8)[0]);

        Assert.Equal(2, reassembler.PartialCount);
        Assert.Equal(1, reassembler.Abandoned);
    }

    [Fact]
    public void Accept_Garbage_Rejected()
    {
        var reassembler = new SbdReassembler(new SbdReassemblerOptions(), _time);
        Assert.Equal(SbdReassemblyStatus.Rejected, reassembler.Accept("imei", "hello"u8.ToArray()).Status);
        Assert.Equal(1, reassembler.Rejected);
    }
}
