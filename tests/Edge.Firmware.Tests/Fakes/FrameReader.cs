using System.Formats.Cbor;

namespace Edge.Firmware.Tests.Fakes;

/// <summary>Reads a frame with System.Formats.Cbor (a decoder we did not write) into plain records.</summary>
public static class FrameReader
{
    public sealed record Record(string? BaseName, long? BaseTime, string? BaseUnit, string Name, double Value, bool ValueIsInteger, long Time, long Seq, string Cq, long Flags,
        long? Boot = null, long? Now = null, string? Nq = null, long? Step = null, long? Cfg = null, long? Si = null, long? Ri = null);

    public static List<Record> Read(byte[] frame)
    {
        var reader = new CborReader(frame, CborConformanceMode.Strict);
        var count = reader.ReadStartArray() ?? throw new InvalidOperationException("indefinite array");
        var records = new List<Record>();
        for (var i = 0; i < count; i++)
        {
            string? bn = null, bu = null, n = null, cq = null;
            long? bt = null, boot = null, now = null, step = null, cfg = null, si = null, ri = null;
            string? nq = null;
            double v = double.NaN;
            bool isInt = false;
            long t = 0, seq = -1, fl = 0;
            var pairs = reader.ReadStartMap() ?? throw new InvalidOperationException("indefinite map");
            for (var p = 0; p < pairs; p++)
            {
                if (reader.PeekState() == CborReaderState.TextString)
                {
                    var key = reader.ReadTextString();
                    switch (key)
                    {
                        case "seq": seq = reader.ReadInt64(); break;
                        case "cq": cq = reader.ReadTextString(); break;
                        case "fl": fl = reader.ReadInt64(); break;
                        case "boot": boot = reader.ReadInt64(); break;
                        case "now": now = reader.ReadInt64(); break;
                        case "nq": nq = reader.ReadTextString(); break;
                        case "step": step = reader.ReadInt64(); break;
                        case "cfg": cfg = reader.ReadInt64(); break;
                        case "si": si = reader.ReadInt64(); break;
                        case "ri": ri = reader.ReadInt64(); break;
                        default: throw new InvalidOperationException("unknown key " + key);
                    }
                }
                else
                {
                    var label = reader.ReadInt32();
                    switch (label)
                    {
                        case -2: bn = reader.ReadTextString(); break;
                        case -3: bt = reader.ReadInt64(); break;
                        case -4: bu = reader.ReadTextString(); break;
                        case 0: n = reader.ReadTextString(); break;
                        case 6: t = reader.ReadInt64(); break;
                        case 2:
                            isInt = reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger;
                            v = isInt ? reader.ReadInt64() : reader.ReadDouble();
                            break;
                        default: throw new InvalidOperationException("unknown label " + label);
                    }
                }
            }

            reader.ReadEndMap();
            records.Add(new Record(bn, bt, bu, n!, v, isInt, t, seq, cq!, fl, boot, now, nq, step, cfg, si, ri));
        }

        reader.ReadEndArray();
        Assert.Equal(0, reader.BytesRemaining);
        return records;
    }
}
