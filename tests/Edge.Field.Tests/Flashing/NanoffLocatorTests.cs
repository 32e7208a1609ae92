using Edge.Field.Flashing;

namespace Edge.Field.Tests.Flashing;

public sealed class NanoffLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edge-field-locator-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Find_OnPath_GivesFullPath()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var nanoff = Path.Combine(bin, OperatingSystem.IsWindows() ? "nanoff.exe" : "nanoff");
        File.WriteAllText(nanoff, string.Empty);

        var found = new NanoffLocator(Path.Combine(_root, "empty") + Path.PathSeparator + bin, homeDirectory: null).Find();

        Assert.Equal(nanoff, found);
    }

    [Fact]
    public void Find_OnlyInDotnetTools_FoundThere()
    {
        var tools = Directory.CreateDirectory(Path.Combine(_root, ".dotnet", "tools")).FullName;
        var nanoff = Path.Combine(tools, OperatingSystem.IsWindows() ? "nanoff.exe" : "nanoff");
        File.WriteAllText(nanoff, string.Empty);

        Assert.Equal(nanoff, new NanoffLocator(pathVariable: string.Empty, homeDirectory: _root).Find());
    }

    [Fact]
    public void Find_NotInstalled_GivesNull()
    {
        Assert.Null(new NanoffLocator(Path.Combine(_root, "bin"), _root).Find());
    }
}
