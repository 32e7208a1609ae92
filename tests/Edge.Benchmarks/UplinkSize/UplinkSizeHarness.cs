using System.Diagnostics;
using System.Globalization;
using Edge.Uplink;

namespace Edge.Benchmarks.UplinkSize;

/// <summary>
/// <c>uplink-size</c>: bytes per reading of our batch format against naive JSON (plain and gzipped), Gorilla
/// and the entropy of the data, for 1,000 simulated household meters × 28 days of hourly readings.
/// </summary>
internal static class UplinkSizeHarness
{
    private const int Meters = 1000;
    private const int Days = 28;
    private const int MaxBatchBytes = 64 * 1024;
    private static readonly DateTimeOffset _start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var fleet = FleetReadings.Generate(Meters, Days * 24, _start);
        long readings = Meters * Days * 24;
        var encodeOptions = new BatchEncodeOptions { CompressionLevel = 19 };
        var packer = new BatchPacker(fleet, _start, encodeOptions);

        var batches = packer.PackBySize(MaxBatchBytes);
        long binaryBytes = batches.Sum(b => (long)b.Bytes);
        var hourly = packer.PackByHour(encodeOptions);
        long hourlyBytes = hourly.Sum(size => (long)size);

        // Small real-time batches are where a dictionary pays: train on the first day's hourly batches.
        var dictionary = BatchDictionary.Train(1, Enumerable.Range(0, 24).Select(packer.HourBatch), 64 * 1024);
        var withDictionary = packer.PackByHour(new BatchEncodeOptions { CompressionLevel = 19, Dictionary = dictionary });
        long dictionaryBytes = withDictionary.Sum(size => (long)size);
        var jsonBytes = SizeMeasures.NaiveJsonBytes(fleet, _start);
        var entropyBits = SizeMeasures.DeltaEntropyBits(fleet);
        var gorilla = GorillaMeasure.Encode(fleet, _start);
        var jsonGzipBytes = JsonGzipMeasure.PerBatch(fleet, _start, batches);
        var jsonGzipWholeBytes = JsonGzipMeasure.WholeStream(fleet, _start);

        var bytesPerReading = (double)binaryBytes / readings;
        var jsonPerReading = (double)jsonBytes / readings;
        var gorillaPerReading = (double)gorilla.Bytes / readings;
        var jsonGzipPerReading = (double)jsonGzipBytes / readings;
        Line(output, $"uplink-size: {Meters} meters x {Days} days of hourly readings from {_start:yyyy-MM-dd'T'HH:mm'Z'} = {readings} readings; Edge.HwSim HouseholdConsumptionModel seeds 1..{Meters}; register in whole litres");
        Line(output, $"batching: readings in arrival order (hour by hour), each batch as many as fit in {MaxBatchBytes} bytes (64 KiB) encoded; zstd level {encodeOptions.CompressionLevel}, no dictionary; {batches.Count} batches, mean {binaryBytes / batches.Count} bytes, mean {readings / batches.Count} readings");
        Line(output, $"bytes_per_reading={bytesPerReading:F4}");
        Line(output, $"json_bytes_per_reading={jsonPerReading:F4}");
        Line(output, $"entropy_bytes_per_reading={entropyBits / 8:F4}");
        Line(output, $"gorilla_bytes_per_reading={gorillaPerReading:F4}");
        Line(output, $"json_gzip_bytes_per_reading={jsonGzipPerReading:F4}");
        Line(output, $"ratio_binary_to_gorilla={bytesPerReading / gorillaPerReading:F4}");
        Line(output, $"ratio_binary_to_json_gzip={bytesPerReading / jsonGzipPerReading:F4}");
        Line(output, $"totals: readings={readings} binary_bytes={binaryBytes} json_bytes={jsonBytes} entropy_bytes={entropyBits / 8 * readings:F0} ratio_binary_to_json={bytesPerReading / jsonPerReading:F5} ratio_binary_to_entropy={bytesPerReading / (entropyBits / 8):F3}");
        Line(output, $"also: hourly_batch_bytes_per_reading={(double)hourlyBytes / readings:F4} (one batch per hour of {Meters} readings, as a real-time cutter sends them; {hourly.Count} batches, mean {hourlyBytes / hourly.Count} bytes)");
        Line(output, $"also: hourly_dictionary_bytes_per_reading={(double)dictionaryBytes / readings:F4} (the same hourly batches with a {dictionary.Content.Length}-byte zstd dictionary trained on the first day's 24 hourly batches)");
        Line(output, $"gorilla: Pelkonen et al. VLDB 2015 as published, one block per meter series ({Days * 24} points, not 2-hour blocks): 64-bit header (t0 rounded down to 2 h), 14-bit first delta, 64-bit first value, delta-of-delta buckets '0' '10'+7 '110'+9 '1110'+12 '1111'+32 over Unix seconds, XOR of IEEE doubles (register litres) '0' / '10' / '11'+5+6; bytes = ceil(bits/8) per series, point count and device id not counted; gorilla_bytes={gorilla.Bytes} bits={gorilla.Bits} codes: {gorilla.Codes}; every series decoded and compared bit for bit, plus a synthetic series using every code: ok");
        Line(output, $"json_gzip: the json_bytes objects in arrival order, one gzip stream (System.IO.Compression, CompressionLevel.Optimal) per batch of the same {batches.Count} 64 KiB-sized groups as the binary batches; json_gzip_bytes={jsonGzipBytes}; also whole stream as one gzip: {jsonGzipWholeBytes} bytes = {(double)jsonGzipWholeBytes / readings:F4} bytes/reading");
        Line(output, $"note: entropy is order-0 over the pooled hourly register deltas (per meter, reading h minus h-1); it ignores ids, seq, times and first values, which our format also carries");
        Line(output, $"elapsed={clock.Elapsed.TotalSeconds:F1}s");
        return 0;
    }

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
