using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using Edge.Firmware.App;
using Edge.Firmware.Device.Adapters;
using Edge.Firmware.Hardware;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Networking;

namespace Edge.Firmware.Device;

/// <summary>
/// Entry point on the ESP32: routes the board's pins, brings up Wi-Fi and the clock, wires the thin
/// adapters to the portable <see cref="PulseMeterDevice"/> and runs its main loop. Only wiring lives here.
/// </summary>
public class Program
{
    // Until edge-field provisioning writes these to I:\, they are build-time settings of this image.
    private const string DeviceId = "pm-000001";
    private const string MqttPassword = "";
    private const string GatewayHost = "192.168.4.1";
    private const int GatewayPort = 1883;

    // Device state and the reading ring: 512 hourly slots plus headers fit in 32 KiB.
    private const string StoragePath = "I:\\edge-meter.dat";
    private const int StorageBytes = 32 * 1024;

    private const int WifiTimeoutMs = 60000;
    private const int TickIntervalMs = 200;

    /// <summary>Runs the device; never returns.</summary>
    public static void Main()
    {
        // ESP32 pins are routed by software (nanoFramework.Hardware.Esp32); do it before opening buses.
        Configuration.SetPinFunction(BoardPins.I2cData, DeviceFunction.I2C1_DATA);
        Configuration.SetPinFunction(BoardPins.I2cClock, DeviceFunction.I2C1_CLOCK);
        Configuration.SetPinFunction(BoardPins.UartRx, DeviceFunction.COM2_RX);
        Configuration.SetPinFunction(BoardPins.UartTx, DeviceFunction.COM2_TX);

        var clock = new DeviceClock();
        ConnectWifi(clock);

        var config = new PulseMeterConfig { DeviceId = DeviceId };
        var pulses = new GpioPulseInput(
            new GpioController(),
            new[] { BoardPins.ReedA, BoardPins.ReedB, BoardPins.Tamper });
        var storage = new FlashFileStorage(StoragePath, StorageBytes);
        var uplink = new M2MqttUplink(GatewayHost, GatewayPort, DeviceId, MqttPassword);

        // Sensor drivers and the M-Bus/optical head take their buses the same way when a board has them:
        // new I2cRegisterBus(BoardPins.I2cBus, address) and new UartSerialLink(BoardPins.SerialPort).
        var device = new PulseMeterDevice(config, pulses, clock, storage, uplink);
        device.Start();
        Debug.WriteLine("Edge meter " + DeviceId + " up, boot " + device.BootCount.ToString());

        // Main loop: the portable device counts, reads on schedule and sends; it never blocks for long
        // except while waiting for a PUBACK.
        while (true)
        {
            device.Tick();
            Thread.Sleep(TickIntervalMs);
        }
    }

    // The Wi-Fi credentials live in the device's network configuration (set with the Visual Studio
    // Device Explorer or nanoff), not in this image. With requiresDateTime the helper also waits for SNTP.
    private static void ConnectWifi(DeviceClock clock)
    {
        var profiles = Wireless80211Configuration.GetAllWireless80211Configurations();
        if (profiles.Length == 0)
        {
            Debug.WriteLine("No Wi-Fi profile stored; running offline with an unsynchronised clock");
            return;
        }

        var timeout = new CancellationTokenSource(WifiTimeoutMs);
        bool connected = WifiNetworkHelper.ConnectDhcp(
            profiles[0].Ssid,
            profiles[0].Password,
            requiresDateTime: true,
            token: timeout.Token);
        if (connected)
        {
            clock.SetQuality(ClockQualities.Ntp);
        }
        else
        {
            // The device still counts and stores; the uplink retries with backoff once Wi-Fi returns.
            Debug.WriteLine("Wi-Fi failed: " + WifiNetworkHelper.Status.ToString());
        }
    }
}
