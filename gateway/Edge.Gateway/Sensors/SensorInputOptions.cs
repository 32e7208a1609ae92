namespace Edge.Gateway.Sensors;

/// <summary>One I2C sensor attached to the Pi (<c>Edge:Gateway:Sensors:N</c>).</summary>
public sealed class SensorInputOptions
{
    /// <summary>Device id the readings are stored under (e.g. <c>roof-bme280</c>); required.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>bme280</c>, <c>bmp280</c>, <c>sht3x</c>, <c>sht4x</c> or <c>scd4x</c> (<see cref="SensorKinds"/>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Linux I2C bus number (<c>/dev/i2c-N</c>); 1 on a Raspberry Pi's header.</summary>
    public int Bus { get; set; } = 1;

    /// <summary>7-bit address; 0 = the kind's default (0x76, 0x44, 0x62).</summary>
    public int Address { get; set; }

    /// <summary>Time between readings; an SCD4x measures every 5 s, so shorter intervals read the same value.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait before reopening the device after an I/O error.</summary>
    public TimeSpan ReopenDelay { get; set; } = TimeSpan.FromSeconds(10);
}
