using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Wisun;

/// <summary>
/// A Wi-SUN B-route client over an SKSTACK-IP module (ROHM BP35A1 / BP35C0 family) on an <see cref="ISerialLink"/>:
/// <see cref="Connect"/> runs the join state machine (SKVER, echo off, ERXUDP as hex, SKSETPWD, SKSETRBID, active
/// scans of increasing duration until a PAN answers, SKSREG S2/S3, SKLL64, SKJOIN until EVENT 25), then
/// <see cref="Send"/>, <see cref="Receive"/> and <see cref="Request"/> carry opaque UDP payloads (ECHONET Lite frames)
/// to and from the meter's port 3610. It notices a meter that goes away (EVENT 24/26/27/28, failed sends,
/// unanswered requests) and reports <see cref="WisunError.SessionLost"/>; the caller then calls Connect again,
/// which re-scans and re-joins. Blocking calls, one at a time; waits only inside <see cref="ISerialLink.Read"/>
/// with deadlines from <see cref="IClock.UptimeMs"/>; garbage lines are counted, never thrown. No allocation per
/// datagram (the module version text is read once per Connect).
/// </summary>
public sealed partial class WisunBrouteClient
{
    private readonly WisunBrouteConfig _config;
    private readonly IClock _clock;
    private readonly ISerialLink _link;
    private readonly SkStackLineReader _reader;
    private readonly SkStackLine _line = new SkStackLine();
    private readonly SkStackCommand _command = new SkStackCommand(96 + SkStackLine.MaxData);
    private readonly byte[] _meterAddress = new byte[39];
    private readonly byte[][] _slots;
    private readonly int[] _slotLength;
    private int _meterAddressLength;
    private int _slotHead;
    private int _slotCount;
    private int _failedSendsInRow;
    private int _unansweredInRow;
    private bool _sendLimited;

    /// <summary>Creates a client; nothing is sent before <see cref="Connect"/>.</summary>
    public WisunBrouteClient(ISerialLink link, IClock clock, WisunBrouteConfig config)
    {
        if (link == null)
        {
            throw new ArgumentNullException("link");
        }

        if (clock == null)
        {
            throw new ArgumentNullException("clock");
        }

        if (config == null)
        {
            throw new ArgumentNullException("config");
        }

        _link = link;
        _clock = clock;
        _config = config;
        _reader = new SkStackLineReader(link, clock);
        var slots = config.ReceiveSlots < 1 ? 1 : config.ReceiveSlots;
        _slots = new byte[slots][];
        _slotLength = new int[slots];
        for (var i = 0; i < slots; i++)
        {
            _slots[i] = new byte[SkStackLine.MaxData];
        }
    }

    /// <summary>One of <see cref="WisunState"/>.</summary>
    public int State { get; private set; }

    /// <summary>The last error (one of <see cref="WisunError"/>).</summary>
    public int LastError { get; private set; }

    /// <summary>The ERxx number of the last FAIL.</summary>
    public int LastFailCode { get; private set; }

    /// <summary>The module's firmware version from EVER.</summary>
    public string ModuleVersion { get; private set; } = string.Empty;

    /// <summary>The PAN joined (or last chosen).</summary>
    public SkStackPanDescriptor Pan { get; } = new SkStackPanDescriptor();

    /// <summary>The last datagram from the meter.</summary>
    public byte[] Received { get; } = new byte[SkStackLine.MaxData];

    /// <summary>Bytes in <see cref="Received"/>.</summary>
    public int ReceivedLength { get; private set; }

    /// <summary>Connect calls.</summary>
    public int Connects { get; private set; }

    /// <summary>SKSCAN runs.</summary>
    public int Scans { get; private set; }

    /// <summary>SKJOIN runs.</summary>
    public int Joins { get; private set; }

    /// <summary>Times a joined session was found lost.</summary>
    public int SessionsLost { get; private set; }

    /// <summary>Sends that failed.</summary>
    public int SendFailures { get; private set; }

    /// <summary>Requests without an answer.</summary>
    public int Unanswered { get; private set; }

    /// <summary>Lines that parsed as nothing known (noise, partial lines).</summary>
    public int GarbageLines { get; private set; }

    /// <summary>Datagrams dropped because every receive slot was full.</summary>
    public int DroppedDatagrams { get; private set; }

    /// <summary>Uptime milliseconds the last successful Connect took.</summary>
    public long LastConnectMs { get; private set; }

    /// <summary>The meter's link-local IPv6 address as text (allocates: diagnostics).</summary>
    public string MeterAddress
    {
        get
        {
            var chars = new char[_meterAddressLength];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)_meterAddress[i];
            }

            return new string(chars);
        }
    }

    /// <summary>True while a session is believed up.</summary>
    public bool IsJoined => State == WisunState.Joined || State == WisunState.Reauthenticating;

    /// <summary>Reads one line (waiting until <paramref name="deadline"/>) and acts on what may come at any time.</summary>
    private int Pump(long deadline)
    {
        var left = deadline - _clock.UptimeMs;
        var r = _reader.ReadLine(left <= 0 ? 0 : (left > int.MaxValue ? int.MaxValue : (int)left));
        if (r != SkStackLineReader.LineReady)
        {
            if (r == SkStackLineReader.Overflow)
            {
                GarbageLines++;
            }

            return r;
        }

        var kind = _line.Parse(_reader.Line, _reader.LineLength);
        if (kind == SkStackLineKind.Unknown)
        {
            GarbageLines++;
        }
        else if (kind == SkStackLineKind.ReceivedUdp)
        {
            Accept();
        }
        else if (kind == SkStackLineKind.Event)
        {
            OnEvent(_line.EventNumber);
        }

        return r;
    }

    private void OnEvent(int number)
    {
        if (number == SkStackEvent.SendLimitReached)
        {
            _sendLimited = true;
        }
        else if (number == SkStackEvent.SendLimitReleased)
        {
            _sendLimited = false;
        }
        else if (number == SkStackEvent.SessionExpired && State == WisunState.Joined)
        {
            State = WisunState.Reauthenticating;
        }
        else if (number == SkStackEvent.PanaSucceeded && State == WisunState.Reauthenticating)
        {
            State = WisunState.Joined;
        }
        else if (IsJoined && (number == SkStackEvent.PanaFailed || number == SkStackEvent.SessionTerminationRequested
            || number == SkStackEvent.SessionTerminated || number == SkStackEvent.SessionTerminationTimeout))
        {
            MarkLost();
        }
    }

    /// <summary>Keeps a datagram to our ECHONET Lite port while a session is up (PANA's 716 and others are the module's business).</summary>
    private void Accept()
    {
        if (!IsJoined || _line.LocalPort != WisunBrouteConfig.EchonetPort)
        {
            return;
        }

        if (_slotCount == _slots.Length)
        {
            _slotHead = (_slotHead + 1) % _slots.Length;
            _slotCount--;
            DroppedDatagrams++;
        }

        var slot = (_slotHead + _slotCount) % _slots.Length;
        Array.Copy(_line.Data, _slots[slot], _line.DataLength);
        _slotLength[slot] = _line.DataLength;
        _slotCount++;
    }

    private bool TakeQueued()
    {
        if (_slotCount == 0)
        {
            return false;
        }

        ReceivedLength = _slotLength[_slotHead];
        Array.Copy(_slots[_slotHead], Received, ReceivedLength);
        _slotHead = (_slotHead + 1) % _slots.Length;
        _slotCount--;
        return true;
    }

    private void MarkLost()
    {
        if (State != WisunState.Lost)
        {
            SessionsLost++;
        }

        State = WisunState.Lost;
        _slotCount = 0;
    }

    private int Fail(int error)
    {
        LastError = error;
        return error;
    }

    private bool Write()
    {
        try
        {
            _link.Write(_command.Buffer, 0, _command.Length);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Sends the built command and waits for OK or FAIL.</summary>
    private int Command(int timeoutMs)
    {
        if (!Write())
        {
            return WisunError.LinkError;
        }

        var deadline = _clock.UptimeMs + timeoutMs;
        while (true)
        {
            var r = Pump(deadline);
            if (r == SkStackLineReader.Timeout)
            {
                return WisunError.ModuleTimeout;
            }

            if (r == SkStackLineReader.LinkError)
            {
                return WisunError.LinkError;
            }

            if (r != SkStackLineReader.LineReady)
            {
                continue;
            }

            if (_line.Kind == SkStackLineKind.Ok)
            {
                return WisunError.Ok;
            }

            if (_line.Kind == SkStackLineKind.Fail)
            {
                LastFailCode = _line.FailCode;
                return WisunError.CommandFailed;
            }
        }
    }
}
