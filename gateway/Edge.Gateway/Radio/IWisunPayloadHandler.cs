namespace Edge.Gateway.Radio;

/// <summary>
/// The layer above a <c>wisun-broute</c> input (which joins the meter's PAN and carries UDP payloads on port 3610):
/// what to exchange with the meter while the session is up, and storing what came of it. <see cref="Poll"/> and
/// <see cref="Listen"/> block (serial I/O) and run on a worker thread, one at a time; <see cref="FlushAsync"/> runs
/// after each of them on the host's threads.
/// </summary>
internal interface IWisunPayloadHandler
{
    /// <summary>The session was (re)joined: a handler waiting out a retry delay may ask at once.</summary>
    void SessionUp(string input, WisunMeterLink meter);

    /// <summary>Called about once a second while joined: requests that are due, and their answers.</summary>
    void Poll(string input, WisunMeterLink meter);

    /// <summary>Idle time, at most <paramref name="timeoutMs"/>: takes what the meter sends by itself (INF).</summary>
    void Listen(string input, WisunMeterLink meter, int timeoutMs);

    /// <summary>Stores what <see cref="Poll"/> and <see cref="Listen"/> produced.</summary>
    ValueTask FlushAsync(string input, CancellationToken cancellationToken);
}
