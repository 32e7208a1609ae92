using Edge.Benchmarks.UplinkSize;

// Dispatch on the first argument: each figure of DESIGN.md has its own harness.
return args.Length > 0 && args[0] == "uplink-size"
    ? UplinkSizeHarness.Run(Console.Out)
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: Edge.Benchmarks uplink-size");
    return 2;
}
