using System;
using System.IO.Ports;
using System.Threading;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Device.Adapters;

/// <summary>
/// <see cref="ISerialLink"/> over a nanoFramework <see cref="SerialPort"/> (pins routed with
/// <c>Configuration.SetPinFunction</c> before construction). Reads poll <see cref="SerialPort.BytesToRead"/>
/// against a deadline instead of relying on <see cref="SerialPort.ReadTimeout"/>, which throws on expiry
/// and cannot be zero.
/// </summary>
public sealed class UartSerialLink : ISerialLink, IDisposable
{
    private const int PollMs = 2;
    private readonly SerialPort _port;
    private readonly byte[] _discard = new byte[64];

    /// <summary>Creates the link on <paramref name="portName"/> (e.g. <c>COM2</c>); it opens on <see cref="Configure"/>.</summary>
    public UartSerialLink(string portName)
    {
        _port = new SerialPort(portName);
    }

    /// <inheritdoc />
    public void Configure(int baudRate, int dataBits, int parity, int stopBits)
    {
        if (_port.IsOpen)
        {
            _port.Close();
        }

        _port.BaudRate = baudRate;
        _port.DataBits = dataBits;
        _port.Parity = parity == 1 ? Parity.Odd : parity == 2 ? Parity.Even : Parity.None;
        _port.StopBits = stopBits == 2 ? StopBits.Two : StopBits.One;
        _port.Open();
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int index, int count)
    {
        _port.Write(buffer, index, count);
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int index, int count, int timeoutMs)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        int available;
        while ((available = _port.BytesToRead) == 0)
        {
            if (Environment.TickCount64 >= deadline)
            {
                return 0;
            }

            Thread.Sleep(PollMs);
        }

        return _port.Read(buffer, index, available < count ? available : count);
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        int available;
        while ((available = _port.BytesToRead) > 0)
        {
            _port.Read(_discard, 0, available < _discard.Length ? available : _discard.Length);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _port.Dispose();
    }
}
