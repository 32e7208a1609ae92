using Edge.Firmware.IlCheck;
using Edge.Firmware.NanoCheck.Tests.Support;

namespace Edge.Firmware.NanoCheck.Tests.IlCheck;

/// <summary>
/// Generics compile against nanoFramework's mscorlib but fail on the device; the IL check must catch
/// them. Expected names follow ECMA-335 §II.10.7.2: a generic type's metadata name carries its arity.
/// </summary>
public sealed class IlCheckerGenericsTests
{
    private const string BoxSample = """
        namespace Samples
        {
            public class Box<T>
            {
                public T Value;
            }

            public static class User
            {
                public static object Make()
                {
                    Box<int> box = new Box<int>();
                    box.Value = 42;
                    return box;
                }
            }
        }
        """;

    [Fact]
    public void Check_GenericClassUsedAsBoxOfInt_CompilesButIsRejectedNamingTheType()
    {
        var sample = NanoCompiler.Compile(BoxSample);
        Assert.Empty(sample.Errors);

        var violations = IlChecker.Check(sample.OpenImage());

        Assert.Contains("Samples.Box`1: generic type definition <T>", violations);
        Assert.Contains("Samples.User.Make: generic instantiation Samples.Box`1<int>", violations);
    }

    [Fact]
    public void Check_GenericMethod_IsRejected()
    {
        const string source = """
            namespace Samples
            {
                public static class Util
                {
                    public static T Echo<T>(T value) { return value; }

                    public static int Use() { return Echo(5); }
                }
            }
            """;
        var sample = NanoCompiler.Compile(source);
        Assert.Empty(sample.Errors);

        var violations = IlChecker.Check(sample.OpenImage());

        Assert.Contains("Samples.Util.Echo: generic method definition <T>", violations);
        Assert.Contains("Samples.Util.Use: generic method instantiation Samples.Util.Echo<int>", violations);
    }

    [Theory]
    [InlineData("public Box<int> Field;", "Samples.Holder.Field")]
    [InlineData("public void Take(Box<string> box) { }", "Samples.Holder.Take")]
    [InlineData("public Box<byte>[] Give() { return null; }", "Samples.Holder.Give")]
    [InlineData("public bool Test(object o) { return o is Box<long>; }", "Samples.Holder.Test")]
    [InlineData("public object Local() { Box<bool> local = null; return local; }", "Samples.Holder.Local")]
    public void Check_GenericInstantiationInMember_IsReportedWithThatMember(string member, string expectedContext)
    {
        string source = "namespace Samples { public class Box<T> { } public class Holder { " + member + " } }";
        var sample = NanoCompiler.Compile(source);
        Assert.Empty(sample.Errors);

        var violations = IlChecker.Check(sample.OpenImage());

        Assert.Contains(violations, v => v.StartsWith(expectedContext + ": generic instantiation Samples.Box`1<", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_BaseTypeIsGenericInstantiation_IsReportedOnDerivedType()
    {
        const string source = "namespace Samples { public class Box<T> { } public class IntBox : Box<int> { } }";
        var sample = NanoCompiler.Compile(source);
        Assert.Empty(sample.Errors);

        var violations = IlChecker.Check(sample.OpenImage());

        Assert.Contains("Samples.IntBox: generic instantiation Samples.Box`1<int>", violations);
    }

    [Fact]
    public void Check_NotAnAssembly_ThrowsBadImageFormat()
    {
        using var stream = new MemoryStream([0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03]);

        Assert.Throws<BadImageFormatException>(() => IlChecker.Check(stream));
    }
}
