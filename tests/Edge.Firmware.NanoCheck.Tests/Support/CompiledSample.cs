using Microsoft.CodeAnalysis;

namespace Edge.Firmware.NanoCheck.Tests.Support;

/// <summary>The outcome of compiling a sample against nanoFramework's mscorlib.</summary>
/// <param name="Errors">Error diagnostics; empty when the sample compiled.</param>
/// <param name="Image">The PE image, or null when compilation failed.</param>
internal sealed record CompiledSample(IReadOnlyList<Diagnostic> Errors, byte[]? Image)
{
    /// <summary>The image, failing the test with the compiler's errors when there is none.</summary>
    public Stream OpenImage()
    {
        Assert.True(Image is not null, "sample did not compile: " + string.Join("; ", Errors));
        return new MemoryStream(Image);
    }
}
