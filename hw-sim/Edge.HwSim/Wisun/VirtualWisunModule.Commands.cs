using System.Globalization;
using System.Text;
using Edge.Firmware.Wisun;

namespace Edge.HwSim.Wisun;

/// <summary>Command line input and the commands of a B-route join (BP35A1 command reference §3).</summary>
public sealed partial class VirtualWisunModule
{
    // A command line longer than this is noise: dropped with FAIL ER09 (UART input error).
    private const int MaxLine = 512;

    private void Feed(byte b)
    {
        if (_sendToLength >= 0)
        {
            // SKSENDTO data: exactly DATALEN raw bytes after the header, no CR LF.
            _input.Add(b);
            if (_input.Count == _sendToLength)
            {
                var data = _input.ToArray();
                _input.Clear();
                var header = _sendToHeader;
                Trace?.Invoke("< " + string.Join(' ', header) + " [" + data.Length + " bytes]");
                _sendToLength = -1;
                SendTo(header, data);
            }

            return;
        }

        if (b == (byte)'\n')
        {
            return;
        }

        if (b == (byte)'\r')
        {
            var line = Encoding.Latin1.GetString(_input.ToArray());
            _input.Clear();
            if (_echo)
            {
                Line(line);
            }

            Trace?.Invoke("< " + line);
            Handle(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return;
        }

        if (_input.Count >= MaxLine)
        {
            _input.Clear();
            Line("FAIL ER09");
            return;
        }

        _input.Add(b);
        if (b == (byte)' ' && StartsSendTo())
        {
            StartSendTo();
        }
    }

    private string[] _sendToHeader = [];

    private bool StartsSendTo()
    {
        if (_input.Count < 9 || _input[0] != (byte)'S' || _input[1] != (byte)'K' || _input[2] != (byte)'S' || _input[3] != (byte)'E')
        {
            return false;
        }

        var header = Encoding.Latin1.GetString(_input.ToArray());
        if (!header.StartsWith("SKSENDTO ", StringComparison.Ordinal))
        {
            return false;
        }

        // SKSENDTO HANDLE IPADDR PORT SEC [SIDE] DATALEN, then the data.
        var wanted = _options.Generation == WisunModuleGeneration.Bp35C0 ? 7 : 6;
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == wanted;
    }

    private void StartSendTo()
    {
        var header = Encoding.Latin1.GetString(_input.ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _input.Clear();
        if (_echo)
        {
            Line(string.Join(' ', header));
        }

        if (!TryHex(header[^1], 4, out var length) || length < 1 || length > SkStackLine.MaxData)
        {
            Line("FAIL ER06");
            return;
        }

        _sendToHeader = header;
        _sendToLength = length;
    }

    private void Handle(string[] t)
    {
        if (t.Length == 0)
        {
            return;
        }

        switch (t[0])
        {
            case "SKVER":
                Line("EVER " + _options.Version);
                Ok();
                break;
            case "SKINFO":
                Line(string.Create(CultureInfo.InvariantCulture, $"EINFO {LinkLocal} {_options.Mac:X16} {_channel:X2} {_panId:X4} FFFE"));
                Ok();
                break;
            case "SKSREG":
                Register(t);
                break;
            case "SKSETPWD":
                SetPassword(t);
                break;
            case "SKSETRBID":
                Expect(t.Length == 2 && t[1].Length == 32, () => _routeBId = t[1]);
                break;
            case "ROPT":
                Line(_hexData ? "OK 01" : "OK 00");
                break;
            case "WOPT":
                Expect(t.Length == 2 && (t[1] == "00" || t[1] == "01"), () => _hexData = t[1] == "01");
                break;
            case "SKSCAN":
                Scan(t);
                break;
            case "SKLL64":
                Expect(t.Length == 2 && t[1].Length == 16 && ulong.TryParse(t[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _),
                    () => Line(VirtualBrouteMeter.LinkLocalOf(ulong.Parse(t[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture))), ok: false);
                break;
            case "SKJOIN":
                Join(t);
                break;
            case "SKTERM":
                Terminate();
                break;
            case "SKRESET":
                Reset();
                Ok();
                break;
            default:
                Line("FAIL ER04");
                break;
        }
    }

    private void Ok() => Line("OK");

    /// <summary>Checks arguments: FAIL ER06 when wrong, else runs <paramref name="apply"/> and (normally) answers OK.</summary>
    private void Expect(bool valid, Action apply, bool ok = true)
    {
        if (!valid)
        {
            Line("FAIL ER06");
            return;
        }

        apply();
        if (ok)
        {
            Ok();
        }
    }

    /// <summary>SKSREG SFE 0|1 (echo), S2 (channel 21..3C), S3 (PAN ID); with no value it reads as ESREG.</summary>
    private void Register(string[] t)
    {
        if (t.Length < 2 || t.Length > 3)
        {
            Line("FAIL ER05");
            return;
        }

        if (t.Length == 2)
        {
            int? value = t[1] switch { "S2" => _channel, "S3" => _panId, "SFE" => _echo ? 1 : 0, _ => null };
            Expect(value is not null, () => Line(string.Create(CultureInfo.InvariantCulture, $"ESREG {value:X}")));
            return;
        }

        switch (t[1])
        {
            case "SFE":
                Expect(t[2] is "0" or "1", () => _echo = t[2] == "1");
                break;
            case "S2":
                Expect(TryHex(t[2], 2, out var ch) && ch >= SkStackRadio.FirstChannel && ch <= SkStackRadio.LastChannel, () => _channel = ch);
                break;
            case "S3":
                Expect(TryHex(t[2], 4, out var pan), () => _panId = pan);
                break;
            default:
                Line("FAIL ER06");
                break;
        }
    }

    /// <summary>SKSETPWD LEN PWD: LEN in hex, 1..32, equal to the password's length.</summary>
    private void SetPassword(string[] t)
    {
        Expect(t.Length == 3 && TryHex(t[1], 2, out var n) && n >= 1 && n <= 32 && n == t[2].Length, () => _password = t[2]);
    }

    private static bool TryHex(string s, int maxDigits, out int value)
    {
        value = 0;
        return s.Length >= 1 && s.Length <= maxDigits && int.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
