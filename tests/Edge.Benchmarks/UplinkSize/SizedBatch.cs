namespace Edge.Benchmarks.UplinkSize;

/// <summary>One batch cut by <see cref="BatchPacker.PackBySize"/>: its encoded size and how many readings it holds.</summary>
/// <param name="Bytes">Encoded size in bytes.</param>
/// <param name="Readings">Readings in it (consecutive in arrival order).</param>
internal readonly record struct SizedBatch(int Bytes, int Readings);
