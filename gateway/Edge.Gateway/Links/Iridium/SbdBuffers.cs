namespace Edge.Gateway.Links.Iridium;

/// <summary>Which message buffers <c>AT+SBDD</c> clears (ISU AT Command Reference, +SBDD).</summary>
public enum SbdBuffers
{
    /// <summary><c>AT+SBDD0</c>: the mobile-originated buffer.</summary>
    MobileOriginated = 0,

    /// <summary><c>AT+SBDD1</c>: the mobile-terminated buffer.</summary>
    MobileTerminated = 1,

    /// <summary><c>AT+SBDD2</c>: both.</summary>
    Both = 2,
}
