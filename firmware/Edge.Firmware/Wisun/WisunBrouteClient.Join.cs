namespace Edge.Firmware.Wisun;

/// <summary>The B-route join state machine (the sequence of the BP35A1 command reference's B-route example).</summary>
public sealed partial class WisunBrouteClient
{
    private const int StepProbe = 0;
    private const int StepEcho = 1;
    private const int StepOptions = 2;
    private const int StepPassword = 3;
    private const int StepId = 4;
    private const int StepScan = 5;
    private const int StepChannel = 6;
    private const int StepPan = 7;
    private const int StepAddress = 8;
    private const int StepJoin = 9;
    private const int StepDone = 10;
    private const int MaxPans = 4;

    private readonly SkStackPanDescriptor[] _found = new SkStackPanDescriptor[]
    {
        new SkStackPanDescriptor(), new SkStackPanDescriptor(), new SkStackPanDescriptor(), new SkStackPanDescriptor(),
    };

    private int _foundCount;

    /// <summary>
    /// Joins the meter's PAN from scratch (also after a loss: it re-scans, since the meter may come back on
    /// another channel). Returns <see cref="WisunError.Ok"/> with <see cref="State"/> Joined, or the error that
    /// stopped it with State Lost (BadConfig leaves State as it was).
    /// </summary>
    public int Connect()
    {
        if (!_config.IsValid())
        {
            return Fail(WisunError.BadConfig);
        }

        Connects++;
        var started = _clock.UptimeMs;
        State = WisunState.Starting;
        _slotCount = 0;
        var step = StepProbe;
        while (step != StepDone)
        {
            var e = RunStep(step);
            if (e != WisunError.Ok)
            {
                State = WisunState.Lost;
                return Fail(e);
            }

            step++;
        }

        State = WisunState.Joined;
        _failedSendsInRow = 0;
        _unansweredInRow = 0;
        _sendLimited = false;
        LastConnectMs = _clock.UptimeMs - started;
        return Fail(WisunError.Ok);
    }

    private int RunStep(int step)
    {
        switch (step)
        {
            case StepProbe: return Probe();
            case StepEcho: return Simple(_command.Start("SKSREG SFE 0").End());
            case StepOptions: return HexOption();
            case StepPassword: return Simple(_command.Start("SKSETPWD ").HexShort(_config.Password.Length).Space().Text(_config.Password).End());
            case StepId: return Simple(_command.Start("SKSETRBID ").Text(_config.RouteBId).End());
            case StepScan: return ScanUntilFound();
            case StepChannel: return Simple(_command.Start("SKSREG S2 ").Hex(Pan.Channel, 2).End());
            case StepPan: return Simple(_command.Start("SKSREG S3 ").Hex(Pan.PanId, 4).End());
            case StepAddress: return LinkLocal();
            case StepJoin: return JoinWithRetries();
            default: return WisunError.Ok;
        }
    }

    private int Simple(SkStackCommand command) => command == null ? WisunError.BadConfig : Command(_config.CommandTimeoutMs);

    /// <summary>SKVER until EVER and OK; a module still busy or rebooting gets <see cref="WisunBrouteConfig.ProbeAttempts"/> tries.</summary>
    private int Probe()
    {
        var e = WisunError.ModuleTimeout;
        for (var attempt = 0; attempt < _config.ProbeAttempts; attempt++)
        {
            _reader.Discard();
            _command.Start("SKVER").End();
            if (!Write())
            {
                return WisunError.LinkError;
            }

            var deadline = _clock.UptimeMs + _config.CommandTimeoutMs;
            var version = false;
            while (true)
            {
                var r = Pump(deadline);
                if (r == SkStackLineReader.LinkError)
                {
                    return WisunError.LinkError;
                }

                if (r == SkStackLineReader.Timeout)
                {
                    e = WisunError.ModuleTimeout;
                    break;
                }

                if (_line.Kind == SkStackLineKind.Version && r == SkStackLineReader.LineReady)
                {
                    ModuleVersion = _line.TokenText(1);
                    version = true;
                }
                else if (_line.Kind == SkStackLineKind.Ok && r == SkStackLineReader.LineReady && version)
                {
                    return WisunError.Ok;
                }
                else if (_line.Kind == SkStackLineKind.Fail && r == SkStackLineReader.LineReady)
                {
                    LastFailCode = _line.FailCode;
                    e = WisunError.CommandFailed;
                    break;
                }
            }
        }

        return e;
    }

    /// <summary>ROPT then WOPT 01 when the data format is binary (BP35A1 §3.29/3.30); a module without them (ER04) is left as it is.</summary>
    private int HexOption()
    {
        _line.AllowBinaryData = true;
        if (!_config.HexData)
        {
            return WisunError.Ok;
        }

        var e = Simple(_command.Start("ROPT").End());
        if (e == WisunError.CommandFailed && LastFailCode == SkStackFailCode.NotSupported)
        {
            return WisunError.Ok;
        }

        if (e == WisunError.Ok && (_line.OkValue & 1) == 0)
        {
            e = Simple(_command.Start("WOPT 01").End());
        }

        // Hex confirmed: a payload that is not whole hex is damage, not raw bytes.
        _line.AllowBinaryData = e != WisunError.Ok;
        return e;
    }

    private int ScanUntilFound()
    {
        State = WisunState.Scanning;
        for (var duration = _config.ScanDurationFirst; duration <= _config.ScanDurationMax; duration++)
        {
            var e = Scan(duration);
            if (e != WisunError.Ok)
            {
                return e;
            }

            if (ChoosePan())
            {
                return WisunError.Ok;
            }
        }

        return WisunError.NoPanFound;
    }

    /// <summary>SKSCAN 2 (active scan with IE, so PairID comes back) over the mask; collects EPANDESC blocks until EVENT 22.</summary>
    private int Scan(int duration)
    {
        Scans++;
        _foundCount = 0;
        _command.Start("SKSCAN 2 ").Hex(_config.ChannelMask, 8).Space().HexShort(duration);
        if (_config.Generation == WisunModuleGeneration.Bp35C0)
        {
            _command.Text(" 0");
        }

        _command.End();
        var e = Command(_config.CommandTimeoutMs);
        if (e != WisunError.Ok)
        {
            return e;
        }

        var deadline = _clock.UptimeMs + SkStackRadio.ScanTimeMs(_config.ChannelMask, duration) + _config.ScanMarginMs;
        var collecting = -1;
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

            if (_line.Kind == SkStackLineKind.Event && _line.EventNumber == SkStackEvent.BeaconReceived)
            {
                collecting = _foundCount < MaxPans ? _foundCount++ : -1;
                if (collecting >= 0)
                {
                    _found[collecting].Clear();
                }
            }
            else if (_line.Kind == SkStackLineKind.PanField && collecting >= 0)
            {
                _found[collecting].Apply(_line);
            }
            else if (_line.Kind == SkStackLineKind.Event && _line.EventNumber == SkStackEvent.ActiveScanDone)
            {
                return WisunError.Ok;
            }
        }
    }

    /// <summary>The PAN whose PairID matches the last 8 characters of our B-route ID, else the best LQI.</summary>
    private bool ChoosePan()
    {
        long pair;
        var id = _config.RouteBId;
        var haveId = TryHexTail(id, out pair);
        var best = -1;
        for (var i = 0; i < _foundCount; i++)
        {
            var p = _found[i];
            if (!p.IsComplete || (haveId && p.PairId >= 0 && p.PairId != pair))
            {
                continue;
            }

            if (best < 0 || p.Lqi > _found[best].Lqi)
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return false;
        }

        Pan.CopyFrom(_found[best]);
        return true;
    }

    private static bool TryHexTail(string id, out long value)
    {
        value = 0;
        if (id.Length < 8)
        {
            return false;
        }

        for (var i = id.Length - 8; i < id.Length; i++)
        {
            var d = SkStackHex.Digit((byte)id[i]);
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | (long)d;
        }

        return true;
    }

    /// <summary>SKLL64: the meter's MAC address to its IPv6 link-local address (the answer is a bare address line, no OK).</summary>
    private int LinkLocal()
    {
        _command.Start("SKLL64 ").Hex(Pan.Address, 16).End();
        if (!Write())
        {
            return WisunError.LinkError;
        }

        var deadline = _clock.UptimeMs + _config.CommandTimeoutMs;
        while (true)
        {
            var r = Pump(deadline);
            if (r == SkStackLineReader.Timeout)
            {
                return WisunError.NoAddress;
            }

            if (r == SkStackLineReader.LinkError)
            {
                return WisunError.LinkError;
            }

            if (r == SkStackLineReader.LineReady && _line.Kind == SkStackLineKind.Address)
            {
                _meterAddressLength = _line.CopyToken(0, _meterAddress, 0);
                return _meterAddressLength > 0 ? WisunError.Ok : WisunError.NoAddress;
            }

            if (r == SkStackLineReader.LineReady && _line.Kind == SkStackLineKind.Fail)
            {
                LastFailCode = _line.FailCode;
                return WisunError.CommandFailed;
            }
        }
    }

    private int JoinWithRetries()
    {
        State = WisunState.Joining;
        var e = WisunError.JoinFailed;
        for (var attempt = 0; attempt < _config.JoinAttempts; attempt++)
        {
            e = Join();
            if (e == WisunError.Ok || e == WisunError.LinkError)
            {
                return e;
            }
        }

        return e;
    }

    /// <summary>SKJOIN: OK, then PANA runs (ERXUDP on port 716 pass by) until EVENT 25 or EVENT 24.</summary>
    private int Join()
    {
        Joins++;
        _command.Start("SKJOIN ").Bytes(_meterAddress, 0, _meterAddressLength).End();
        var e = Command(_config.CommandTimeoutMs);
        if (e != WisunError.Ok)
        {
            return e;
        }

        var deadline = _clock.UptimeMs + _config.JoinTimeoutMs;
        while (true)
        {
            var r = Pump(deadline);
            if (r == SkStackLineReader.Timeout)
            {
                return WisunError.JoinTimeout;
            }

            if (r == SkStackLineReader.LinkError)
            {
                return WisunError.LinkError;
            }

            if (r == SkStackLineReader.LineReady && _line.Kind == SkStackLineKind.Event)
            {
                if (_line.EventNumber == SkStackEvent.PanaSucceeded)
                {
                    return WisunError.Ok;
                }

                if (_line.EventNumber == SkStackEvent.PanaFailed)
                {
                    return WisunError.JoinFailed;
                }
            }
        }
    }
}
