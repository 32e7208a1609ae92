using System.Globalization;
using Edge.Firmware.Wisun;

namespace Edge.HwSim.Wisun;

/// <summary>What takes radio time: active scan, PANA, UDP to the meter, session termination.</summary>
public sealed partial class VirtualWisunModule
{
    /// <summary>
    /// SKSCAN MODE MASK DURATION [SIDE]: OK at once; the beacon (EVENT 20, EPANDESC; PairID in mode 2 only) when the
    /// meter's channel comes up in the sweep, EVENT 22 when all channels of the mask were listened to.
    /// </summary>
    private void Scan(string[] t)
    {
        var arguments = _options.Generation == WisunModuleGeneration.Bp35C0 ? 5 : 4;
        if (t.Length != arguments)
        {
            Line("FAIL ER05");
            return;
        }

        if (!TryHex(t[1], 1, out var mode) || (mode != 2 && mode != 3) || !long.TryParse(t[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask)
            || t[2].Length != 8 || !TryHex(t[3], 2, out var duration) || duration > 14)
        {
            Line("FAIL ER06");
            return;
        }

        if (_scanning)
        {
            Line("FAIL ER10");
            return;
        }

        _scanning = true;
        Scans++;
        Ok();
        var perChannel = TimeSpan.FromMilliseconds(10 * ((1 << duration) + 1));
        var bit = Meter.Channel - SkStackRadio.FirstChannel;
        var swept = 0;
        for (var b = 0; b < bit; b++)
        {
            swept += (int)((mask >> b) & 1);
        }

        // One timer chain, beacon first and EVENT 22 after it: two independent timers may fire in either order when
        // both are overdue (a loaded machine), and a real module never reports the end of a scan before its beacons.
        var total = TimeSpan.FromMilliseconds(SkStackRadio.ScanTimeMs(mask, duration));
        void Done()
        {
            _scanning = false;
            Event(SkStackEvent.ActiveScanDone, LinkLocal);
        }

        if (!(Meter.Present && duration >= Meter.BeaconMinDuration && ((mask >> bit) & 1) == 1))
        {
            After(total, Done);
            return;
        }

        var beaconAt = perChannel * (swept + 1);
        After(beaconAt, () =>
        {
            if (Meter.Present)
            {
                Beacon(mode);
            }

            After(total > beaconAt ? total - beaconAt : TimeSpan.Zero, Done);
        });
    }

    /// <summary>EVENT 20 and the EPANDESC block of the meter's beacon (PairID in scan mode 2 only).</summary>
    private void Beacon(int mode)
    {
        Event(SkStackEvent.BeaconReceived, Meter.LinkLocal);
        Line("EPANDESC");
        Line(string.Create(CultureInfo.InvariantCulture, $"  Channel:{Meter.Channel:X2}"));
        Line("  Channel Page:09");
        Line(string.Create(CultureInfo.InvariantCulture, $"  Pan ID:{Meter.PanId:X4}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"  Addr:{Meter.Mac:X16}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"  LQI:{Meter.Lqi:X2}"));
        if (mode == 2)
        {
            Line("  PairID:" + Meter.PairId);
        }
    }

    /// <summary>SKJOIN IPADDR: OK, then PANA: EVENT 25 after the exchange, or EVENT 24 when anything does not match the meter.</summary>
    private void Join(string[] t)
    {
        if (t.Length != 2)
        {
            Line("FAIL ER05");
            return;
        }

        if (_scanning || _password.Length == 0 || _routeBId.Length == 0)
        {
            Line("FAIL ER10");
            return;
        }

        Ok();
        _session = false;
        var target = t[1];
        var accepted = Meter.Present && string.Equals(target, Meter.LinkLocal, StringComparison.OrdinalIgnoreCase) && _channel == Meter.Channel
            && _panId == Meter.PanId && _password == Meter.Password && _routeBId == Meter.RouteBId;
        if (!accepted)
        {
            After(_options.PanaTimeout, () => Event(SkStackEvent.PanaFailed, target));
            return;
        }

        After(_options.PanaTime, () =>
        {
            if (!Meter.Present)
            {
                Event(SkStackEvent.PanaFailed, target);
                return;
            }

            // The tail of the PANA exchange as the module shows it: its own UDP on port 716 (0x02CC), then success.
            Event(SkStackEvent.UdpSendDone, target, SkStackEvent.SendResolving);
            Event(SkStackEvent.NeighborAdvertisement, target);
            Line(string.Create(CultureInfo.InvariantCulture, $"ERXUDP {target} {LinkLocal} 02CC 02CC {Meter.Mac:X16} {(_options.Generation == WisunModuleGeneration.Bp35C0 ? "C4 0 0" : "0")} 0002 {(_hexData ? "0000" : "\0\0")}"));
            _session = true;
            SessionsEstablished++;
            Event(SkStackEvent.PanaSucceeded, target);
            if (Meter.Announcement() is { } announcement)
            {
                After(Meter.ResponseDelay, () =>
                {
                    if (_session && Meter.Present)
                    {
                        SendDatagram(announcement, "FF02:0000:0000:0000:0000:0000:0000:0001");
                    }
                });
            }
        });
    }

    /// <summary>SKSENDTO with its data read: EVENT 21 and OK after the send (00) or the MAC's retries (01); the meter's answer follows.</summary>
    private void SendTo(string[] header, byte[] data)
    {
        var arguments = _options.Generation == WisunModuleGeneration.Bp35C0 ? 7 : 6;
        if (header.Length != arguments || !TryHex(header[3], 4, out var port) || header[4] is not ("0" or "1" or "2"))
        {
            Line("FAIL ER06");
            return;
        }

        var secured = header[4] != "0";
        if (secured && !_session)
        {
            Line("FAIL ER10");
            return;
        }

        var target = header[2];
        var reaches = Meter.Present && string.Equals(target, Meter.LinkLocal, StringComparison.OrdinalIgnoreCase);
        if (!reaches)
        {
            After(_options.SendFailTime, () =>
            {
                Event(SkStackEvent.UdpSendDone, target, SkStackEvent.SendFailed);
                Ok();
            });
            return;
        }

        After(_options.SendTime, () =>
        {
            Event(SkStackEvent.UdpSendDone, target, SkStackEvent.SendOk);
            Ok();
            if (port != WisunBrouteConfig.EchonetPort)
            {
                return;
            }

            DatagramsToMeter++;
            Meter.Requests++;
            var answer = Meter.Mute ? null : Meter.Responder(data);
            if (answer is not null)
            {
                After(Meter.ResponseDelay, () =>
                {
                    if (_session && Meter.Present)
                    {
                        SendDatagram(answer, LinkLocal);
                    }
                });
            }
        });
    }

    /// <summary>SKTERM: FAIL ER10 without a session; else OK, then EVENT 27 (the meter agreed) or EVENT 28 (no answer).</summary>
    private void Terminate()
    {
        if (!_session)
        {
            Line("FAIL ER10");
            return;
        }

        Ok();
        _session = false;
        var present = Meter.Present;
        After(present ? _options.PanaTime : _options.PanaTimeout,
            () => Event(present ? SkStackEvent.SessionTerminated : SkStackEvent.SessionTerminationTimeout, Meter.LinkLocal));
    }
}
