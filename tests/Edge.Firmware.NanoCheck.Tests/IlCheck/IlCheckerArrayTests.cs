using Edge.Firmware.IlCheck;
using Edge.Firmware.NanoCheck.Tests.Support;

namespace Edge.Firmware.NanoCheck.Tests.IlCheck;

/// <summary>
/// Multi-dimensional arrays (an ARRAY with an ArrayShape, ECMA-335 §II.23.2.13) are not supported by
/// nanoFramework; vectors (SZARRAY), jagged arrays included, are.
/// </summary>
public sealed class IlCheckerArrayTests
{
    [Theory]
    [InlineData("public int[,] Cells;", "Samples.Grid.Cells", "int[,]")]
    [InlineData("public void Take(double[,,] cube) { }", "Samples.Grid.Take", "double[,,]")]
    [InlineData("public byte[,] Give() { return null; }", "Samples.Grid.Give", "byte[,]")]
    [InlineData("public object Make() { return new int[2, 3]; }", "Samples.Grid.Make", "int[,]")]
    [InlineData("public int Local() { int[,] local = null; return local == null ? 0 : 1; }", "Samples.Grid.Local", "int[,]")]
    [InlineData("public int Read(object o) { return ((long[,])o).Length; }", "Samples.Grid.Read", "long[,]")]
    // C# string[,][] is a two-dimensional array of string[]: in metadata the element comes first.
    [InlineData("public string[,][] Mixed;", "Samples.Grid.Mixed", "string[][,]")]
    [InlineData("public string[][,] Jagged;", "Samples.Grid.Jagged", "string[,]")]
    public void Check_MultiDimensionalArrayInMember_IsReportedWithThatMember(string member, string context, string array)
    {
        string source = "namespace Samples { public class Grid { " + member + " } }";
        var sample = NanoCompiler.Compile(source);
        Assert.Empty(sample.Errors);

        var violations = IlChecker.Check(sample.OpenImage());

        Assert.Contains(context + ": multi-dimensional array " + array, violations);
    }

    [Fact]
    public void Check_ElementAccessOnTwoDimensionalArray_IsRejected()
    {
        const string source = """
            namespace Samples
            {
                public class Grid
                {
                    private readonly int[,] _cells = new int[4, 4];

                    public void Set(int row, int column, int value) { _cells[row, column] = value; }
                }
            }
            """;
        var sample = NanoCompiler.Compile(source);
        Assert.Empty(sample.Errors);

        var violations = IlChecker.Check(sample.OpenImage());

        Assert.Contains("Samples.Grid._cells: multi-dimensional array int[,]", violations);
        Assert.Contains("Samples.Grid..ctor: multi-dimensional array int[,]", violations);
        Assert.Contains("Samples.Grid.Set: multi-dimensional array int[,]", violations);
    }

    [Fact]
    public void Check_PlainSampleWithArraysArrayListAndInterface_HasNoViolations()
    {
        const string source = """
            namespace Samples
            {
                public interface IChannel
                {
                    int Read(byte[] buffer, int index, int count);
                }

                public sealed class Channel : IChannel
                {
                    private static readonly byte[] Pattern = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                    private readonly System.Collections.ArrayList _log = new System.Collections.ArrayList();
                    private readonly int[][] _jagged = new int[][] { new int[2], new int[3] };

                    public int Read(byte[] buffer, int index, int count)
                    {
                        int n = count < Pattern.Length ? count : Pattern.Length;
                        for (int i = 0; i < n; i++)
                        {
                            buffer[index + i] = Pattern[i];
                        }

                        _log.Add(n);
                        _jagged[1][2] = n;
                        return n;
                    }

                    public static int Code(string unit)
                    {
                        switch (unit)
                        {
                            case "m3": return 1;
                            case "l": return 2;
                            case "kWh": return 3;
                            case "degC": return 4;
                            case "Pa": return 5;
                            case "%RH": return 6;
                            case "mm": return 7;
                            default: return 0;
                        }
                    }
                }
            }
            """;
        var sample = NanoCompiler.Compile(source);
        Assert.Empty(sample.Errors);

        var violations = IlChecker.Check(sample.OpenImage());

        Assert.Empty(violations);
    }
}
