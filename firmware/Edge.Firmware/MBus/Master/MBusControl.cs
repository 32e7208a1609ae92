namespace Edge.Firmware.MBus.Master;

/// <summary>
/// C fields, addresses and CI fields the master sends (EN 13757-2 §5.5 control field, EN 13757-3 selection).
/// </summary>
public static class MBusControl
{
    /// <summary>SND_NKE: link reset; the slave answers 0xE5 and clears its FCB state (EN 13757-2 §5.5.1).</summary>
    public const int SndNke = 0x40;

    /// <summary>SND_UD with FCV = 1, FCB = 0: send user data to the slave (here: the selection).</summary>
    public const int SndUd = 0x53;

    /// <summary>REQ_UD2 with FCV = 1, FCB = 0: request class 2 data.</summary>
    public const int ReqUd2 = 0x5B;

    /// <summary>Frame count bit (bit 5), valid when <see cref="Fcv"/> is set (EN 13757-2 §5.5.2).</summary>
    public const int Fcb = 0x20;

    /// <summary>Frame count bit valid (bit 4).</summary>
    public const int Fcv = 0x10;

    /// <summary>RSP_UD from a slave, ignoring the ACD and DFC bits (mask <see cref="RspUdMask"/>).</summary>
    public const int RspUd = 0x08;

    /// <summary>Mask for comparing a slave's C field with <see cref="RspUd"/>: drops ACD (bit 5) and DFC (bit 4).</summary>
    public const int RspUdMask = 0xCF;

    /// <summary>Highest primary address of a slave (1..250; 0 is the factory default address).</summary>
    public const int MaxPrimaryAddress = 250;

    /// <summary>Address of the slave selected by secondary address (EN 13757-3, network layer).</summary>
    public const int SelectedAddress = 0xFD;

    /// <summary>Broadcast with answer (test only: on a bus with several slaves the answers collide).</summary>
    public const int BroadcastWithAnswer = 0xFE;

    /// <summary>Broadcast without answer.</summary>
    public const int Broadcast = 0xFF;

    /// <summary>CI field of the selection by secondary address (EN 13757-3, "selection of a slave").</summary>
    public const int CiSelect = 0x52;
}
