namespace Edge.Firmware.Hardware;

/// <summary>
/// Digital inputs of a pulse meter: input 0 is reed A, input 1 reed B (quadrature, for direction),
/// input 2 the tamper contact. Edges arrive raw, bounce included; the firmware debounces.
/// </summary>
public interface IPulseInput
{
    /// <summary>Number of inputs wired (2 for single reed + tamper is not allowed: 1, 2 or 3).</summary>
    int InputCount { get; }

    /// <summary>Current raw level of an input.</summary>
    bool Read(int input);

    /// <summary>Sets the handler that receives every raw edge; null detaches.</summary>
    void SetHandler(IPulseEdgeHandler handler);
}
