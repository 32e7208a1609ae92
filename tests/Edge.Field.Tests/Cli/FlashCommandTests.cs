using Edge.Field.Flashing;
using Edge.Field.Tests.Support;

namespace Edge.Field.Tests.Cli;

public sealed class FlashCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edge-field-flash-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Flash_NanoffMissing_SaysHowToInstallExit3()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync("flash", "--port", "/dev/ttyUSB0");

        Assert.Equal(3, exitCode);
        Assert.Contains("dotnet tool install -g nanoff", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flash_DryRun_PrintsCommandWithoutRunning()
    {
        var runner = new FakeRunner(exitCode: 0);

        var (exitCode, output, _) = await CliRun.InvokeAsync(CliRun.Environment(runner: runner), "flash", "--port", "/dev/ttyUSB0", "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Equal("nanoff --target ESP32_S3 --serialport /dev/ttyUSB0 --update", output.TrimEnd());
        Assert.Null(runner.Arguments);
    }

    [Fact]
    public async Task Flash_NanoffSucceeds_RunsItWithArgumentsExit0()
    {
        var runner = new FakeRunner(exitCode: 0);
        var image = Path.Combine(_root, "meter.bin");
        await File.WriteAllBytesAsync(image, [1, 2, 3]);

        var (exitCode, output, _) = await CliRun.InvokeAsync(
            CliRun.Environment(nanoff: FakeNanoff(), runner: runner),
            "flash", "--port", "/dev/ttyUSB1", "--image", image, "--app-only", "--address", "0x190000");

        Assert.Equal(0, exitCode);
        Assert.Equal(Path.Combine(_root, "nanoff"), runner.FileName);
        Assert.Equal(["--target", "ESP32_S3", "--serialport", "/dev/ttyUSB1", "--deploy", "--image", image, "--address", "0x190000"], runner.Arguments);
        Assert.Contains("fake nanoff output", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flash_NanoffFails_OneLineReasonExit4()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(
            CliRun.Environment(nanoff: FakeNanoff(), runner: new FakeRunner(exitCode: 5)), "flash", "--port", "/dev/ttyUSB0");

        Assert.Equal(4, exitCode);
        Assert.Equal("error: nanoff failed with exit code 5 (see its output above)", error.TrimEnd());
    }

    [Fact]
    public async Task Flash_NanoffCannotStart_Exit4()
    {
        var runner = new FakeRunner(0, new System.ComponentModel.Win32Exception("Permission denied"));

        var (exitCode, _, error) = await CliRun.InvokeAsync(CliRun.Environment(nanoff: FakeNanoff(), runner: runner), "flash", "--port", "/dev/ttyUSB0");

        Assert.Equal(4, exitCode);
        Assert.Contains("could not start nanoff", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flash_ImageMissing_Exit2()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(
            CliRun.Environment(nanoff: FakeNanoff()), "flash", "--port", "/dev/ttyUSB0", "--image", Path.Combine(_root, "none.bin"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: image file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flash_NoPort_UsageError()
    {
        var (exitCode, _, _) = await CliRun.InvokeAsync("flash");

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Flash_RealProcessFailing_StreamsOutputExit4()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A stand-in nanoff: prints its arguments, then fails like nanoff does when no device answers.
        var script = Path.Combine(_root, "nanoff");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho \"args: $*\"\necho 'E6000 no device' >&2\nexit 7\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = CliRun.Environment(nanoff: new NanoffLocator(_root, null), runner: new ProcessRunner());

        var (exitCode, output, error) = await CliRun.InvokeAsync(environment, "flash", "--port", "/dev/ttyUSB0", "--target", "ESP32_S3_ALL");

        Assert.Equal(4, exitCode);
        Assert.Contains("args: --target ESP32_S3_ALL --serialport /dev/ttyUSB0 --update", output, StringComparison.Ordinal);
        Assert.Contains("E6000 no device", error, StringComparison.Ordinal);
        Assert.EndsWith("error: nanoff failed with exit code 7 (see its output above)", error.TrimEnd(), StringComparison.Ordinal);
    }

    private NanoffLocator FakeNanoff()
    {
        File.WriteAllText(Path.Combine(_root, "nanoff"), string.Empty);
        return new NanoffLocator(_root, homeDirectory: null);
    }
}
