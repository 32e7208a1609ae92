namespace Edge.HwSim.Serial;

/// <summary>
/// Base of a simulated serial peripheral (wM-Bus USB receiver, M-Bus master's slaves, Iridium modem, Wi-SUN
/// module): owns a <see cref="PseudoTerminal"/>, runs a background thread that reads what the driver sends
/// and hands it to <see cref="OnBytes"/>, and lets the model answer with <see cref="Send(byte[], int, int)"/>.
/// The driver under test opens <see cref="PortPath"/>.
/// </summary>
public abstract class VirtualSerialDevice : IDisposable
{
    // Read slice: bounds how long Dispose waits for the loop to notice it should stop.
    private const int ReadSliceMs = 50;

    private readonly PseudoTerminal _pty = new();
    private readonly byte[] _readBuffer = new byte[4096];
    private readonly Thread _loop;
    private volatile bool _stopping;
    private volatile Exception? _fault;
    private bool _disposed;

    /// <summary>Creates the device and its pseudo-terminal; call <see cref="Start"/> to begin listening.</summary>
    protected VirtualSerialDevice()
    {
        _loop = new Thread(ReadLoop) { IsBackground = true, Name = GetType().Name };
    }

    /// <summary>The path the driver under test opens.</summary>
    public string PortPath => _pty.SlavePath;

    /// <summary>The exception that stopped the read loop (thrown by <see cref="OnBytes"/> or the pty), if any.</summary>
    public Exception? Fault => _fault;

    /// <summary>Starts the background read loop.</summary>
    public void Start() => _loop.Start();

    /// <summary>Stops the loop and closes the pseudo-terminal.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the loop and closes the pseudo-terminal; derived classes release their own state too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        _stopping = true;
        if (_loop.IsAlive && _loop != Thread.CurrentThread)
        {
            _loop.Join();
        }

        _pty.Dispose();
    }

    /// <summary>Called on the loop thread with each chunk the driver wrote (chunking is arbitrary, as on a wire).</summary>
    protected abstract void OnBytes(byte[] buffer, int offset, int count);

    /// <summary>Sends bytes to the driver.</summary>
    protected void Send(byte[] buffer, int offset, int count) => _pty.Write(buffer, offset, count);

    /// <summary>Sends all of <paramref name="bytes"/> to the driver.</summary>
    protected void Send(byte[] bytes) => _pty.Write(bytes);

    private void ReadLoop()
    {
        try
        {
            while (!_stopping)
            {
                var n = _pty.Read(_readBuffer, 0, _readBuffer.Length, ReadSliceMs);
                if (n > 0)
                {
                    OnBytes(_readBuffer, 0, n);
                }
            }
        }
        catch (Exception e)
        {
            // Kept for the test to see: an exception escaping a background thread would end the process.
            if (!_stopping)
            {
                _fault = e;
            }
        }
    }
}
