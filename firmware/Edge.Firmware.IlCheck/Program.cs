using Edge.Firmware.IlCheck;

// Edge.Firmware.IlCheck <assembly.dll>: exit 0 when the assembly fits nanoFramework's runtime,
// 1 with one line per violation when it does not, 2 when the file cannot be read as an assembly.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Edge.Firmware.IlCheck <assembly.dll>");
    return 2;
}

string path = args[0];
IReadOnlyList<string> violations;
try
{
    violations = IlChecker.Check(path);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
{
    Console.Error.WriteLine($"{path}: cannot check: {e.Message}");
    return 2;
}

if (violations.Count == 0)
{
    Console.WriteLine($"{path}: IL check OK (no generics, no multi-dimensional arrays)");
    return 0;
}

foreach (string violation in violations)
{
    Console.WriteLine(violation);
}

Console.WriteLine($"{path}: {violations.Count} construct(s) nanoFramework cannot run");
return 1;
