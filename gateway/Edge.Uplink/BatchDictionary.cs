namespace Edge.Uplink;

/// <summary>A trained zstd dictionary with the id that batches name it by.</summary>
public sealed record BatchDictionary(uint Id, byte[] Content);
