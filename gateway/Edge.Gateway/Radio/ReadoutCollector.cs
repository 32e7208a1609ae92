using Edge.Firmware.MBus;
using Edge.Firmware.MBus.Master;

namespace Edge.Gateway.Radio;

/// <summary>
/// Copies the reading out of each telegram the master hands over (the telegram is reused), one per meter: the
/// first telegram of a readout that has the volume register; later telegrams of a multi-telegram readout hold
/// history (storage numbers above 0) and add nothing.
/// </summary>
internal sealed class ReadoutCollector(string input, int address) : IMBusTelegramHandler, IMBusSearchHandler
{
    private readonly HashSet<string> _devices = new(StringComparer.Ordinal);

    public List<MeterReading> Readings { get; } = [];

    public List<string> Errors { get; } = [];

    public bool OnTelegram(MBusTelegram telegram, int index)
    {
        Add(telegram, index);
        return true;
    }

    public void OnFound(MBusTelegram telegram) => Add(telegram, 0);

    private void Add(MBusTelegram telegram, int index)
    {
        var device = MeterIdentity.Wired(telegram, input, telegram.PrimaryAddress >= 0 && address < 0 ? telegram.PrimaryAddress : address);
        if (_devices.Contains(device))
        {
            return;
        }

        var bytes = telegram.Buffer.AsSpan(0, telegram.Length);
        var reading = MeterReadingMapper.Map(telegram, device, bytes, out var error);
        if (reading is not null)
        {
            _devices.Add(device);
            Readings.Add(reading);
        }
        else if (index == 0)
        {
            Errors.Add(device + ": " + error);
        }
    }
}
