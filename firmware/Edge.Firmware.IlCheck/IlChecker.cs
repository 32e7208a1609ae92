using System.Reflection.PortableExecutable;

namespace Edge.Firmware.IlCheck;

/// <summary>
/// Checks a compiled assembly for what nanoFramework's runtime cannot execute although the C# compiler
/// accepts it against nanoFramework's mscorlib: generic type and method definitions, generic
/// instantiations (TypeSpec GENERICINST, MethodSpec, member references on generic types or to generic
/// methods) and arrays with an ArrayShape (multi-dimensional) anywhere in a signature or a method body.
/// </summary>
public static class IlChecker
{
    /// <summary>Checks the assembly file at <paramref name="path"/>.</summary>
    /// <returns>One message per violation, <c>Type.Member: problem</c>; empty when the assembly is fine.</returns>
    public static IReadOnlyList<string> Check(string path)
    {
        using var stream = File.OpenRead(path);
        return Check(stream);
    }

    /// <summary>Checks a PE image (an assembly as written by the compiler).</summary>
    /// <returns>One message per violation, <c>Type.Member: problem</c>; empty when the assembly is fine.</returns>
    /// <exception cref="BadImageFormatException">The stream is not a PE image with metadata.</exception>
    public static IReadOnlyList<string> Check(Stream peImage)
    {
        using var pe = new PEReader(peImage, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchEntireImage);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("The image has no CLI metadata.");
        }

        return new CheckRun(pe).Run();
    }
}
