using Edge.Firmware.Metering;

namespace Edge.Firmware.Tests.Metering;

public class PulseCounterTests
{
    private const int A = PulseInputs.ReedA;
    private const int B = PulseInputs.ReedB;

    [Fact]
    public void OnEdge_ClosingWithBounce_CountsOnePulse()
    {
        var counter = new PulseCounter(debounceMs: 10, quadrature: false, tamperActiveHigh: true);
        // A reed closing bounces for about a millisecond before it settles closed.
        counter.OnEdge(A, true, 1000);
        counter.OnEdge(A, false, 1000);
        counter.OnEdge(A, true, 1001);
        counter.OnEdge(A, false, 1001);
        counter.OnEdge(A, true, 1002);
        counter.Poll(1020);

        counter.Take(out var forward, out var reverse, out _);
        Assert.Equal(1, forward);
        Assert.Equal(0, reverse);
    }

    [Fact]
    public void OnEdge_GlitchShorterThanDebounce_CountsNothing()
    {
        var counter = new PulseCounter(10, false, true);
        counter.OnEdge(A, true, 500);
        counter.OnEdge(A, false, 505);
        counter.Poll(600);

        counter.Take(out var forward, out _, out _);
        Assert.Equal(0, forward);
    }

    [Fact]
    public void OnEdge_QuadratureForward_CountsForward()
    {
        var counter = new PulseCounter(10, true, true);
        // A leads B by a quarter turn: A up, B up, A down, B down — three turns.
        for (var turn = 0; turn < 3; turn++)
        {
            var t = turn * 1000L;
            counter.OnEdge(A, true, t);
            counter.OnEdge(B, true, t + 250);
            counter.OnEdge(A, false, t + 500);
            counter.OnEdge(B, false, t + 750);
        }

        counter.Poll(5000);
        counter.Take(out var forward, out var reverse, out _);
        Assert.Equal(3, forward);
        Assert.Equal(0, reverse);
    }

    [Fact]
    public void OnEdge_QuadratureReverse_CountsReverse()
    {
        var counter = new PulseCounter(10, true, true);
        // Turning backwards B leads A: B up, A up (B high), B down, A down.
        for (var turn = 0; turn < 2; turn++)
        {
            var t = turn * 1000L;
            counter.OnEdge(B, true, t);
            counter.OnEdge(A, true, t + 250);
            counter.OnEdge(B, false, t + 500);
            counter.OnEdge(A, false, t + 750);
        }

        counter.Poll(5000);
        counter.Take(out var forward, out var reverse, out _);
        Assert.Equal(0, forward);
        Assert.Equal(2, reverse);
    }

    [Fact]
    public void OnEdge_BChangesBeforeAIsSettled_DirectionStillForward()
    {
        // B's edge arrives 5 ms after A's, inside A's debounce window: A must be judged on B's level
        // at the instant A became stable, not on B's later level.
        var counter = new PulseCounter(10, true, true);
        counter.OnEdge(A, true, 0);
        counter.OnEdge(B, true, 12);
        counter.Poll(100);

        counter.Take(out var forward, out var reverse, out _);
        Assert.Equal(1, forward);
        Assert.Equal(0, reverse);
    }

    [Fact]
    public void OnEdge_TamperActive_ReportsTamperOnce()
    {
        var counter = new PulseCounter(10, true, tamperActiveHigh: true);
        counter.OnEdge(PulseInputs.Tamper, true, 0);
        counter.Poll(50);

        counter.Take(out _, out _, out var tamper);
        Assert.True(tamper);
        counter.Take(out _, out _, out tamper);
        Assert.False(tamper);
    }

    [Fact]
    public void OnEdge_UnknownInput_IsIgnored()
    {
        var counter = new PulseCounter(10, true, true);
        counter.OnEdge(7, true, 0);
        counter.OnEdge(-1, true, 0);
        counter.Poll(50);
        counter.Take(out var forward, out var reverse, out var tamper);
        Assert.Equal((0, 0, false), (forward, reverse, tamper));
    }
}
