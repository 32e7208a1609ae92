using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Fakes;

/// <summary>Pulse inputs the test toggles; every toggle reaches the handler as a raw edge.</summary>
public sealed class FakePulseInput : IPulseInput
{
    private readonly bool[] _levels = new bool[3];
    private IPulseEdgeHandler? _handler;

    public int InputCount => 3;

    public bool Read(int input) => _levels[input];

    public void SetHandler(IPulseEdgeHandler handler) => _handler = handler;

    public void Set(int input, bool high, long uptimeMs)
    {
        _levels[input] = high;
        _handler?.OnEdge(input, high, uptimeMs);
    }
}
