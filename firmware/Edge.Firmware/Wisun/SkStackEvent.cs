namespace Edge.Firmware.Wisun;

/// <summary>EVENT numbers (BP35A1 command reference §4.1 EVENT; the BP35C0 uses the same numbers).</summary>
public static class SkStackEvent
{
    /// <summary>Neighbor Solicitation received.</summary>
    public const int NeighborSolicitation = 0x01;

    /// <summary>Neighbor Advertisement received.</summary>
    public const int NeighborAdvertisement = 0x02;

    /// <summary>Echo request received.</summary>
    public const int EchoRequest = 0x05;

    /// <summary>ED scan done.</summary>
    public const int EnergyScanDone = 0x1F;

    /// <summary>Beacon received (an EPANDESC block follows during an active scan).</summary>
    public const int BeaconReceived = 0x20;

    /// <summary>UDP send done; its parameter is 00 success, 01 failure, 02 address resolution (NS sent).</summary>
    public const int UdpSendDone = 0x21;

    /// <summary>Active scan done.</summary>
    public const int ActiveScanDone = 0x22;

    /// <summary>PANA connection failed (no answer, or authentication rejected).</summary>
    public const int PanaFailed = 0x24;

    /// <summary>PANA connection succeeded: the B-route session is up.</summary>
    public const int PanaSucceeded = 0x25;

    /// <summary>Session termination requested by the peer.</summary>
    public const int SessionTerminationRequested = 0x26;

    /// <summary>Session terminated (after SKTERM, the peer answered).</summary>
    public const int SessionTerminated = 0x27;

    /// <summary>Session termination timed out (after SKTERM, no answer): the session is gone anyway.</summary>
    public const int SessionTerminationTimeout = 0x28;

    /// <summary>Session lifetime expired; the module re-authenticates (EVENT 25 or 24 follows).</summary>
    public const int SessionExpired = 0x29;

    /// <summary>Transmission time limit (ARIB STD-T108) reached: sending is suspended.</summary>
    public const int SendLimitReached = 0x32;

    /// <summary>Transmission time limit released.</summary>
    public const int SendLimitReleased = 0x33;

    /// <summary>EVENT 21 parameter: sent.</summary>
    public const int SendOk = 0;

    /// <summary>EVENT 21 parameter: failed.</summary>
    public const int SendFailed = 1;

    /// <summary>EVENT 21 parameter: neighbor solicitation sent first (address resolution).</summary>
    public const int SendResolving = 2;
}
