namespace Edge.Firmware.Wisun;

/// <summary>Module families whose command arguments differ.</summary>
public static class WisunModuleGeneration
{
    /// <summary>ROHM BP35A1 (and compatibles): no SIDE argument.</summary>
    public const int Bp35A1 = 0;

    /// <summary>ROHM BP35C0 / BP35C2 (dual B-route/HAN stack): SKSCAN and SKSENDTO take a SIDE argument (0 = B-route).</summary>
    public const int Bp35C0 = 1;
}
