using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Edge.Firmware.NanoCheck.Tests.Support;

/// <summary>
/// Compiles C# in memory the way Edge.Firmware.NanoCheck does: against nanoFramework's mscorlib and
/// nothing else, with <c>NANOFRAMEWORK_1_0</c> defined.
/// </summary>
internal static class NanoCompiler
{
    private static readonly Lazy<MetadataReference> _mscorlib = new(() =>
        MetadataReference.CreateFromFile(MscorlibPath));

    /// <summary>Where the test build copied nanoFramework.CoreLibrary's lib/mscorlib.dll.</summary>
    public static string MscorlibPath => Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll");

    public static CompiledSample Compile(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["NANOFRAMEWORK_1_0"]);
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(source, parseOptions)],
            [_mscorlib.Value],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        return new CompiledSample(errors, result.Success ? image.ToArray() : null);
    }
}
