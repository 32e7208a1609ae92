namespace Edge.Firmware.MBus.Master;

/// <summary>Receives the telegrams of a (multi-telegram) read, in order.</summary>
public interface IMBusTelegramHandler
{
    /// <summary>
    /// Called with each decoded telegram (<paramref name="index"/> 0, 1, ...). The telegram is reused for the
    /// next one: copy what you keep. Return false to stop before the next telegram.
    /// </summary>
    bool OnTelegram(MBusTelegram telegram, int index);
}
