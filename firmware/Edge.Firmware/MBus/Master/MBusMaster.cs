using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.MBus.Master;

/// <summary>
/// A wired M-Bus master (EN 13757-2 link layer, EN 13757-3 application layer) over an <see cref="ISerialLink"/>:
/// SND_NKE, REQ_UD2 with the frame count bit kept per address, multi-telegram reads, selection by secondary
/// address and the wildcard search. Blocking calls, one at a time (the bus is half duplex); waits only in
/// <see cref="ISerialLink.Read"/> timeouts. No allocation per telegram in the steady state (error texts excepted).
/// </summary>
public sealed partial class MBusMaster
{
    /// <summary>Default line speed (EN 13757-2: 300 and 2400 baud are the common rates; 2400 is usual today).</summary>
    public const int DefaultBaudRate = 2400;

    /// <summary>Most telegrams one multi-telegram read follows (a guard against a slave that always sets 0x1F).</summary>
    public const int DefaultMaxTelegrams = 16;

    private readonly ISerialLink _link;
    private readonly MBusWiredFrame _frame = new MBusWiredFrame();
    private readonly MBusWiredDecoder _decoder = new MBusWiredDecoder();
    private readonly byte[] _tx = new byte[32];
    private readonly byte[] _rx = new byte[512];
    private readonly byte[] _selection = new byte[MBusSecondaryAddress.Length];

    // Next FCB per address (EN 13757-2 §5.5.2): set after SND_NKE, toggled after each answered REQ_UD2.
    private readonly bool[] _nextFcb = new bool[256];
    private int _rxLength;

    /// <summary>Creates a master on <paramref name="link"/>; call <see cref="Configure"/> (or configure the link yourself).</summary>
    public MBusMaster(ISerialLink link)
    {
        if (link == null)
        {
            throw new ArgumentNullException("link");
        }

        _link = link;
        for (var i = 0; i < _nextFcb.Length; i++)
        {
            _nextFcb[i] = true;
        }

        SetTimingFor(DefaultBaudRate);
        Retries = 2;
        MaxTelegrams = DefaultMaxTelegrams;
        ResetBeforeRead = true;
    }

    /// <summary>
    /// Longest wait for the first byte of an answer. EN 13757-2: a slave answers within 330 bit times + 50 ms;
    /// the default is exactly that at the configured rate (188 ms at 2400 baud).
    /// </summary>
    public int ResponseTimeoutMs { get; set; }

    /// <summary>Longest gap between bytes of one answer, and the quiet time that ends an answer of unknown length.</summary>
    public int InterByteTimeoutMs { get; set; }

    /// <summary>Repetitions after a missing or garbled answer (default 2: three attempts in all).</summary>
    public int Retries { get; set; }

    /// <summary>Most telegrams one <see cref="ReadAll"/> follows.</summary>
    public int MaxTelegrams { get; set; }

    /// <summary>Send SND_NKE before each <see cref="ReadAll"/> so the slave starts from its first telegram with a known FCB.</summary>
    public bool ResetBeforeRead { get; set; }

    /// <summary>Why the last operation failed, or null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>Attempts the last operation made (1 when the first attempt succeeded).</summary>
    public int LastAttempts { get; private set; }

    /// <summary>Sets the line to <paramref name="baudRate"/> 8E1 (EN 13757-2 §4: 8 data bits, even parity, 1 stop bit) and the timeouts for that rate.</summary>
    public void Configure(int baudRate)
    {
        _link.Configure(baudRate, 8, 2, 1);
        SetTimingFor(baudRate);
    }

    /// <summary>Sets <see cref="ResponseTimeoutMs"/> and <see cref="InterByteTimeoutMs"/> for <paramref name="baudRate"/>.</summary>
    public void SetTimingFor(int baudRate)
    {
        if (baudRate < 300)
        {
            throw new ArgumentOutOfRangeException("baudRate");
        }

        // EN 13757-2: answer within 330 bit times + 50 ms (rounded up to whole milliseconds).
        ResponseTimeoutMs = ((330 * 1000) + baudRate - 1) / baudRate + 50;

        // Two character times (11 bits each) plus scheduling slack on the receiving host.
        InterByteTimeoutMs = ((22 * 1000) + baudRate - 1) / baudRate + 50;
    }

    /// <summary>
    /// SND_NKE to <paramref name="address"/> (0..250, or 0xFD for the selected slave): resets the slave's link
    /// layer; expects 0xE5. Resets the FCB for that address.
    /// </summary>
    public int SendNke(int address)
    {
        if (!ValidAddress(address))
        {
            return Invalid("address " + address.ToString() + " is not 0..250 or 0xFD");
        }

        var length = MBusWiredFrame.WriteShort(_tx, 0, MBusControl.SndNke, address);
        var result = Exchange(length, false, address);
        if (result == MBusMasterResult.Ok)
        {
            // EN 13757-2 §5.5.2: after the reset the next frame with FCV = 1 carries FCB = 1.
            _nextFcb[address] = true;
        }

        return Finish(result, "SND_NKE", address);
    }

    /// <summary>
    /// One REQ_UD2 to <paramref name="address"/>, decoded into <paramref name="telegram"/>. The FCB toggles after a
    /// valid answer; a repetition after a timeout or garbled answer keeps it, so the slave repeats its answer.
    /// </summary>
    public int RequestData(int address, MBusTelegram telegram)
    {
        if (!ValidAddress(address))
        {
            return Invalid("address " + address.ToString() + " is not 0..250 or 0xFD");
        }

        var c = MBusControl.ReqUd2 | (_nextFcb[address] ? MBusControl.Fcb : 0);
        var length = MBusWiredFrame.WriteShort(_tx, 0, c, address);
        var result = Exchange(length, true, address);
        if (result != MBusMasterResult.Ok)
        {
            return Finish(result, "REQ_UD2", address);
        }

        _nextFcb[address] = !_nextFcb[address];
        if (!_decoder.TryDecode(_rx, 0, _rxLength, telegram))
        {
            LastError = "REQ_UD2 to address " + address.ToString() + ": " + (telegram.Error ?? "decode failed");
            return MBusMasterResult.DecodeError;
        }

        LastError = null;
        return MBusMasterResult.Ok;
    }

    /// <summary>
    /// Reads every telegram of <paramref name="address"/>: (SND_NKE, then) REQ_UD2 while the last record is DIF 0x1F
    /// "more records follow" (EN 13757-3 §6.3.2), up to <see cref="MaxTelegrams"/>, handing each to <paramref name="handler"/>.
    /// </summary>
    public int ReadAll(int address, MBusTelegram telegram, IMBusTelegramHandler handler)
    {
        if (handler == null || telegram == null)
        {
            return Invalid("telegram and handler are required");
        }

        if (ResetBeforeRead)
        {
            var reset = SendNke(address);
            if (reset != MBusMasterResult.Ok)
            {
                return reset;
            }
        }

        for (var index = 0; index < MaxTelegrams; index++)
        {
            var result = RequestData(address, telegram);
            if (result != MBusMasterResult.Ok)
            {
                return result;
            }

            if (!handler.OnTelegram(telegram, index) || !telegram.MoreRecordsFollow)
            {
                return MBusMasterResult.Ok;
            }
        }

        LastError = "address " + address.ToString() + " still signals more records after " + MaxTelegrams.ToString() + " telegrams";
        return MBusMasterResult.Ok;
    }

    private static bool ValidAddress(int address) =>
        (address >= 0 && address <= MBusControl.MaxPrimaryAddress) || address == MBusControl.SelectedAddress;

    private int Invalid(string error)
    {
        LastError = error;
        LastAttempts = 0;
        return MBusMasterResult.InvalidArgument;
    }

    private int Finish(int result, string what, int address)
    {
        LastError = result == MBusMasterResult.Ok
            ? null
            : what + " to address " + address.ToString() + ": " + MBusMasterResult.Name(result) + " after " + LastAttempts.ToString()
                + " attempts (response timeout " + ResponseTimeoutMs.ToString() + " ms)" + (_frame.Error == null || result != MBusMasterResult.Garbled ? string.Empty : ": " + _frame.Error);
        return result;
    }
}
