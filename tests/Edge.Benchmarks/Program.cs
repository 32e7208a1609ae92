using Edge.Benchmarks.GatewayIngest;
using Edge.Benchmarks.MBusDecode;
using Edge.Benchmarks.UplinkSize;

// Dispatch on the first argument: each figure of DESIGN.md has its own harness.
return args switch
{
    ["uplink-size"] => UplinkSizeHarness.Run(Console.Out),
    ["gateway-ingest"] => await GatewayIngestHarness.RunAsync(Console.Out),
    ["mbus-decode"] => MBusDecodeHarness.Run(Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Edge.Benchmarks <command>
          uplink-size     bytes per reading of the batch format (1,000 meters x 28 days, 64 KiB batches) against
                          naive JSON, gzipped JSON, Gorilla (VLDB 2015) and the entropy of the data; prints
                          bytes_per_reading, json_bytes_per_reading, entropy_bytes_per_reading,
                          gorilla_bytes_per_reading, json_gzip_bytes_per_reading and the ratios
          gateway-ingest  readings/s from MQTT QoS 1 publish to committed-and-acknowledged through the real
                          gateway in process (200 devices, 24 readings per frame, 5 s warm-up, 20 s measured),
                          against plain SQLite inserts of the same rows (same table, pragmas and commit grouping)
                          in the same temp folder; prints gateway_readings_per_s, sqlite_raw_readings_per_s and
                          gateway_vs_raw
          mbus-decode     M-Bus / wM-Bus telegrams decoded per second on one thread and bytes allocated per
                          telegram (firmware decoders and AES), for a plain and a mode 5 wireless telegram, a
                          Kamstrup compact frame and a wired long frame (corpus telegrams when ../shared/conformance
                          or EDGE_CONFORMANCE_DIR is there, else hand-built); prints <name>_telegrams_per_s,
                          <name>_ns_per_telegram and <name>_allocated_bytes_per_telegram
        """);
    return 2;
}
