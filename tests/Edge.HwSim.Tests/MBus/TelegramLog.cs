using Edge.Firmware.MBus;
using Edge.Firmware.MBus.Master;

namespace Edge.HwSim.Tests.MBus;

/// <summary>Copies what the master hands over: per telegram the id, access number and (storage, m³) of volume records.</summary>
internal sealed class TelegramLog : IMBusTelegramHandler, IMBusSearchHandler
{
    public List<(uint Id, int Access, bool More, List<(long Storage, decimal M3)> Volumes)> Telegrams { get; } = [];

    public bool OnTelegram(MBusTelegram telegram, int index)
    {
        Add(telegram);
        return true;
    }

    public void OnFound(MBusTelegram telegram) => Add(telegram);

    private void Add(MBusTelegram t)
    {
        var volumes = new List<(long, decimal)>();
        for (var i = 0; i < t.RecordCount; i++)
        {
            var r = t.GetRecord(i);
            if (r.Quantity == MBusQuantity.Volume && r.Kind == MBusValueKind.Decimal)
            {
                volumes.Add((r.StorageNumber, r.Mantissa * Pow10(r.Exponent)));
            }
        }

        Telegrams.Add((t.IdRaw, t.AccessNumber, t.MoreRecordsFollow, volumes));
    }

    private static decimal Pow10(int e)
    {
        var v = 1m;
        for (; e > 0; e--)
        {
            v *= 10;
        }

        for (; e < 0; e++)
        {
            v /= 10;
        }

        return v;
    }
}
