using Edge.Field.Flashing;

namespace Edge.Field.Tests.Flashing;

/// <summary>Argument lists checked against nanoff's documented options (--target, --serialport, --update, --deploy, --image, --address, --fwversion).</summary>
public sealed class NanoffCommandTests
{
    [Fact]
    public void BuildArguments_PortOnly_UpdatesFirmwareOfEsp32S3()
    {
        var command = new NanoffCommand { SerialPort = "/dev/ttyUSB0" };

        Assert.Equal(["--target", "ESP32_S3", "--serialport", "/dev/ttyUSB0", "--update"], command.BuildArguments());
        Assert.Empty(command.Validate());
    }

    [Fact]
    public void BuildArguments_WithImage_UpdatesAndDeploysImage()
    {
        var command = new NanoffCommand { SerialPort = "COM3", Target = "ESP32_S3_ALL", ImagePath = "meter.bin" };

        Assert.Equal(["--target", "ESP32_S3_ALL", "--serialport", "COM3", "--update", "--image", "meter.bin"], command.BuildArguments());
    }

    [Fact]
    public void BuildArguments_AppOnlyWithAddress_DeploysWithoutUpdate()
    {
        var command = new NanoffCommand { SerialPort = "/dev/ttyUSB0", ImagePath = "meter.bin", AppOnly = true, Address = "0x190000" };

        Assert.Equal(
            ["--target", "ESP32_S3", "--serialport", "/dev/ttyUSB0", "--deploy", "--image", "meter.bin", "--address", "0x190000"],
            command.BuildArguments());
        Assert.Empty(command.Validate());
    }

    [Fact]
    public void BuildArguments_FirmwareVersion_PassedAsFwversion()
    {
        var command = new NanoffCommand { SerialPort = "/dev/ttyUSB0", FirmwareVersion = "1.12.0.32" };

        Assert.Equal(["--target", "ESP32_S3", "--serialport", "/dev/ttyUSB0", "--update", "--fwversion", "1.12.0.32"], command.BuildArguments());
    }

    [Theory]
    [InlineData("esp32 s3", null, false, null, "target must be a nanoFramework target name")]
    [InlineData("ESP32_S3", null, true, null, "--app-only needs an application image")]
    [InlineData("ESP32_S3", "a.bin", false, "0x190000", "--address only applies with --app-only")]
    [InlineData("ESP32_S3", "a.bin", true, "190000", "address must be hexadecimal like 0x190000")]
    public void Validate_BadSettings_SaysWhy(string target, string? image, bool appOnly, string? address, string expectedStart)
    {
        var command = new NanoffCommand { SerialPort = "/dev/ttyUSB0", Target = target, ImagePath = image, AppOnly = appOnly, Address = address };

        Assert.Contains(command.Validate(), e => e.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void ToDisplayString_PathWithSpace_QuotedForShell()
    {
        var command = new NanoffCommand { SerialPort = "/dev/ttyUSB0", ImagePath = "/tmp/my app.bin" };

        Assert.Equal("nanoff --target ESP32_S3 --serialport /dev/ttyUSB0 --update --image '/tmp/my app.bin'", command.ToDisplayString());
    }
}
