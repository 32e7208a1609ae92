namespace Edge.Firmware.MBus.Master;

/// <summary>Receives the slaves a secondary address search finds.</summary>
public interface IMBusSearchHandler
{
    /// <summary>
    /// Called for each slave found, with the telegram it answered at address 0xFD: its transport header holds the
    /// full secondary address (id, manufacturer, version, device type). The telegram is reused: copy what you keep.
    /// </summary>
    void OnFound(MBusTelegram telegram);
}
