using System.Globalization;

namespace Edge.HwSim.Iridium;

/// <summary>Command parsing and the commands that answer at once.</summary>
public sealed partial class Virtual9603
{
    // ISU AT Command Reference §3.5: a command line holds at most 128 characters.
    private const int MaxLine = 128;

    private readonly List<int> _statuses = [];
    private readonly List<byte> _binary = [];
    private int _expecting;
    private int _writeGeneration;
    private ITimer? _writeTimer;
    private bool _noiseNext;

    /// <summary>Takes one byte from the driver (lock held); returns whether a session must run (and if it answers a ring).</summary>
    private bool? Feed(byte b)
    {
        if (_expecting > 0)
        {
            _binary.Add(b);
            if (_binary.Count == _expecting)
            {
                FinishWrite();
            }

            return null;
        }

        if (b == (byte)'\r')
        {
            var line = _line.ToString();
            _line.Clear();
            if (_echo)
            {
                SendLocked(line + "\r");
            }

            return HandleLine(line.Trim().ToUpperInvariant());
        }

        if (b != (byte)'\n' && _line.Length < MaxLine)
        {
            _line.Append((char)b);
        }

        return null;
    }

    private bool? HandleLine(string line)
    {
        if (!line.StartsWith("AT", StringComparison.Ordinal))
        {
            return null;
        }

        switch (line)
        {
            case "AT":
            case "AT&K0":
            case "AT&K3":
                Ok();
                return null;
            case "ATE0":
            case "ATE1":
            case "ATE":
                _echo = line == "ATE1";
                Ok();
                return null;
            case "AT+CSQ":
            case "AT+CSQF":
                SignalQueries++;
                Info("+CSQ:" + CurrentBars().ToString(CultureInfo.InvariantCulture));
                Ok();
                return null;
            case "AT+SBDMTA=0":
            case "AT+SBDMTA=1":
                _ringAlerts = line.EndsWith('1');
                Ok();
                return null;
            case "AT+SBDD0":
            case "AT+SBDD1":
            case "AT+SBDD2":
                ClearBuffers(line[^1] - '0');
                return null;
            case "AT+SBDRB":
                ReadBinary();
                return null;
            case "AT+SBDIX":
                return false;
            case "AT+SBDIXA":
                return true;
            default:
                if (line.StartsWith("AT+SBDWB=", StringComparison.Ordinal))
                {
                    StartWrite(line["AT+SBDWB=".Length..]);
                    return null;
                }

                SendLocked("\r\nERROR\r\n");
                return null;
        }
    }

    private void Info(string text) => SendLocked("\r\n" + text + "\r\n");

    private void Ok() => SendLocked("\r\nOK\r\n");

    /// <summary>+SBDD (ISU AT Command Reference, +SBDD): 0 MO buffer, 1 MT buffer, 2 both; answers 0 then OK.</summary>
    private void ClearBuffers(int which)
    {
        if (which is 0 or 2)
        {
            _moBuffer = null;
        }

        if (which is 1 or 2)
        {
            _mtBuffer = null;
        }

        Info("0");
        Ok();
    }

    /// <summary>+SBDWB=n (§8.12): size 1..340 or answer 3 at once; else READY, then n bytes and a 2-byte checksum within 60 s.</summary>
    private void StartWrite(string argument)
    {
        if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 1 || length > _options.MaxMoBytes)
        {
            Info("3");
            Ok();
            return;
        }

        _binary.Clear();
        var generation = ++_writeGeneration;
        _writeTimer?.Dispose();
        _writeTimer = null;
        SendLocked("READY\r\n");
        if (_options.WriteTimeout <= TimeSpan.Zero)
        {
            // A modem that gives up at once does so before any byte can arrive (deterministic, unlike a zero timer
            // racing the bytes on a busy machine).
            SendLocked("\r\n1\r\n");
            return;
        }

        _expecting = length + 2;
        _writeTimer = _time.CreateTimer(_ => WriteTimedOut(generation), null, _options.WriteTimeout, Timeout.InfiniteTimeSpan);
    }

    private void WriteTimedOut(int generation)
    {
        lock (_lock)
        {
            if (_expecting > 0 && generation == _writeGeneration)
            {
                // §8.12 answer 1 (timeout) is the one not followed by OK.
                _expecting = 0;
                _binary.Clear();
                SendLocked("\r\n1\r\n");
            }
        }
    }

    private void FinishWrite()
    {
        _writeTimer?.Dispose();
        _writeTimer = null;
        var message = _binary.Take(_expecting - 2).ToArray();
        var received = (_binary[^2] << 8) | _binary[^1];
        _expecting = 0;
        _binary.Clear();
        if (_noiseNext)
        {
            _noiseNext = false;
            message[0] ^= 0x20;
        }

        // The checksum is the low 16 bits of the byte sum, high byte first (§8.12).
        var sum = 0;
        foreach (var b in message)
        {
            sum += b;
        }

        if ((sum & 0xFFFF) != received)
        {
            Info("2");
            Ok();
            return;
        }

        _moBuffer = message;
        Info("0");
        Ok();
    }

    /// <summary>+SBDRB (§8.13): {2-byte length}{message}{2-byte checksum}, then OK; an empty MT buffer reads as 00 00 00 00.</summary>
    private void ReadBinary()
    {
        var message = _mtBuffer ?? [];
        var frame = new byte[message.Length + 4];
        frame[0] = (byte)(message.Length >> 8);
        frame[1] = (byte)message.Length;
        message.CopyTo(frame, 2);
        var sum = 0;
        foreach (var b in message)
        {
            sum += b;
        }

        frame[^2] = (byte)(sum >> 8);
        frame[^1] = (byte)sum;
        SendLocked(frame);
        Ok();
    }
}
