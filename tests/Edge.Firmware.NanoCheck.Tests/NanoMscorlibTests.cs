using Edge.Firmware.NanoCheck.Tests.Support;

namespace Edge.Firmware.NanoCheck.Tests;

/// <summary>
/// What the compiler alone already catches: nanoFramework's mscorlib 1.17.11 has no
/// System.Collections.Generic (DESIGN.md, "Known gaps").
/// </summary>
public sealed class NanoMscorlibTests
{
    [Fact]
    public void Compile_ListOfInt_FailsWithMissingTypeOrNamespace()
    {
        const string source = """
            namespace Samples
            {
                public class Readings
                {
                    private System.Collections.Generic.List<int> _values = new System.Collections.Generic.List<int>();

                    public int Count() { return _values.Count; }
                }
            }
            """;

        var sample = NanoCompiler.Compile(source);

        Assert.Null(sample.Image);
        Assert.NotEmpty(sample.Errors);
        // CS0234: namespace member missing ('Generic' in 'System.Collections'); CS0246: type not found.
        Assert.All(sample.Errors, e => Assert.Contains(e.Id, new[] { "CS0234", "CS0246" }));
        Assert.Contains(sample.Errors, e => e.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Generic", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_ArrayListSample_Succeeds()
    {
        const string source = """
            namespace Samples
            {
                public class Readings
                {
                    private readonly System.Collections.ArrayList _values = new System.Collections.ArrayList();

                    public int Add(int value) { return _values.Add(value); }
                }
            }
            """;

        var sample = NanoCompiler.Compile(source);

        Assert.Empty(sample.Errors);
        Assert.NotNull(sample.Image);
    }
}
