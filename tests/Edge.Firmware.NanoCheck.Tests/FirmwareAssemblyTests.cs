using Edge.Firmware.IlCheck;
using Edge.Firmware.NanoCheck.Tests.Support;

namespace Edge.Firmware.NanoCheck.Tests;

/// <summary>The real portable firmware, as Edge.Firmware.NanoCheck compiled it, must fit the device.</summary>
public sealed class FirmwareAssemblyTests
{
    [Fact]
    public void Check_RealFirmwareAssembly_HasNoViolations()
    {
        string path = RepositoryPaths.NanoFirmwareAssembly;
        Assert.True(File.Exists(path), "NanoCheck output missing: " + path);

        var violations = IlChecker.Check(path);

        Assert.Empty(violations);
    }

    [Fact]
    public void NanoFirmwareAssembly_References_OnlyNanoFrameworkMscorlib()
    {
        using var stream = File.OpenRead(RepositoryPaths.NanoFirmwareAssembly);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);

        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToArray();

        Assert.Equal(["mscorlib"], references);
    }
}
