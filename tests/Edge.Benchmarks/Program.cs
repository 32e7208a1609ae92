using System.Globalization;
using Edge.Benchmarks.AlarmRecompute;
using Edge.Benchmarks.AreaStatus;
using Edge.Benchmarks.EchonetDecode;
using Edge.Benchmarks.GatewayIngest;
using Edge.Benchmarks.Ingest;
using Edge.Benchmarks.MBusDecode;
using Edge.Benchmarks.ModbusRead;
using Edge.Benchmarks.Seismic;
using Edge.Benchmarks.SatelliteBytes;
using Edge.Benchmarks.UplinkSize;
using Edge.Benchmarks.WelfareWatch;
using Edge.Benchmarks.WisunParse;

// Dispatch on the first argument: each figure of DESIGN.md has its own harness.
return args switch
{
    ["uplink-size"] => UplinkSizeHarness.Run(Console.Out),
    ["gateway-ingest"] => await GatewayIngestHarness.RunAsync(Console.Out),
    ["ingest", .. var rest] when IngestArgs(rest) is { } ingest =>
        await IngestHarness.RunAsync(Console.Out, TimeSpan.FromSeconds(ingest.Seconds), ingest.Gateways),
    ["mbus-decode"] => MBusDecodeHarness.Run(Console.Out),
    ["echonet-decode"] => EchonetDecodeHarness.Run(Console.Out),
    ["modbus-read"] => ModbusReadHarness.Run(Console.Out),
    ["seismic"] => SeismicHarness.Run(Console.Out),
    ["satellite-bytes"] => await SatelliteBytesHarness.RunAsync(Console.Out),
    ["area-status"] => AreaStatusHarness.Run(Console.Out, 24),
    ["area-status", "--hours", var h] when int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours is > 0 and <= 168 =>
        AreaStatusHarness.Run(Console.Out, hours),
    ["area-service"] => AreaServiceHarness.Run(Console.Out),
    ["wisun-parse"] => WisunParseHarness.Run(Console.Out),
    ["alarm-recompute"] => await AlarmRecomputeHarness.RunAsync(Console.Out, postgres: false),
    ["alarm-recompute", "--postgres"] => await AlarmRecomputeHarness.RunAsync(Console.Out, postgres: true),
    ["welfare-tick"] => await WelfareTickHarness.RunAsync(Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Edge.Benchmarks <command>
          welfare-tick    the welfare worker's timer per enrolled household: 2 days of hours read from SQLite (200
                          households x 3 days hourly), rules run, findings matched; prints welfare_tick_ms_per_household
          alarm-recompute the alarm worker's cost after a batch: one meter's alarms recomputed from SQLite (200 meters x
                          31 days hourly; 4-day and, occupied, 30-day lookback) and stored, and the area's pressure-loss
                          check (every hour and meter; only the touched meters' backflow hours); prints
                          alarm_recompute_ms_per_meter, alarm_recompute_meters_per_s, alarm_recompute_ms_per_meter_occupied,
                          pressure_loss_ms_per_area_of_200_meters, pressure_loss_check_ms_* and worker_batch_*.
                          Option: --postgres (EDGE_PG, or a throwaway cluster) instead of SQLite
          uplink-size     bytes per reading of the batch format (1,000 meters x 28 days, 64 KiB batches) against
                          naive JSON, gzipped JSON, Gorilla (VLDB 2015) and the entropy of the data; prints
                          bytes_per_reading, json_bytes_per_reading, entropy_bytes_per_reading,
                          gorilla_bytes_per_reading, json_gzip_bytes_per_reading and the ratios
          gateway-ingest  readings/s from MQTT QoS 1 publish to committed-and-acknowledged through the real
                          gateway in process (200 devices, 24 readings per frame, 5 s warm-up, 20 s measured),
                          against plain SQLite inserts of the same rows (same table, pragmas and commit grouping)
                          in the same temp folder; prints gateway_readings_per_s, sqlite_raw_readings_per_s and
                          gateway_vs_raw
          ingest          readings/s through the real ingest over loopback HTTP (binary batches of 1,000 meters x 24
                          hourly readings, 4 gateways posting one after the other, 60 s per store) on SQLite and on
                          PostgreSQL (EDGE_PG, or a throwaway cluster), and binary COPY of the same rows into the same
                          readings table; prints ingest_sqlite_readings_per_s, ingest_postgres_readings_per_s,
                          postgres_copy_readings_per_s and ingest_vs_copy. Options: --seconds N, --gateways N
          mbus-decode     M-Bus / wM-Bus telegrams decoded per second on one thread and bytes allocated per
                          telegram (firmware decoders and AES), for a plain and a mode 5 wireless telegram, a
                          Kamstrup compact frame and a wired long frame (corpus telegrams when ../shared/conformance
                          or EDGE_CONFORMANCE_DIR is there, else hand-built); prints <name>_telegrams_per_s,
                          <name>_ns_per_telegram and <name>_allocated_bytes_per_telegram
          echonet-decode  ECHONET Lite frames decoded per second on one thread (frame codec, scale and every
                          property's meaning) and bytes allocated per frame, against the frame codec alone, for a
                          smart meter Get_Res, its 48-slot history, a water meter Get_Res and a bitmap property map
                          (hand-built); prints <name>_frames_per_s, <name>_ns_per_frame,
                          <name>_codec_only_ns_per_frame and <name>_allocated_bytes_per_frame
          modbus-read     the portable Modbus RTU master reading a flow meter's 4-point map (one 8-register request):
                          in memory, reads/s on one thread and bytes allocated per read; over a pty against the hw-sim
                          flow meter (5 ms processing, reply wire time at the rate), median ms per poll at 9600 and
                          19200 baud against what the simulation imposes and a real line's minimum; prints
                          modbus_memory_reads_per_s, modbus_memory_ns_per_read, modbus_allocated_bytes_per_read,
                          modbus_pty_<baud>_median_ms_per_poll, modbus_pty_<baud>_simulated_minimum_ms and
                          modbus_line_<baud>_minimum_ms
          seismic         ms per JMA instrumental seismic intensity over a 60 s, 100 Hz, 3-axis window (hw-sim synthetic
                          earthquake) on one core (pinned, MathNet single-threaded), against the six FFTs alone; prints
                          seismic_ms_per_intensity, seismic_intensities_per_s, seismic_allocated_bytes_per_intensity,
                          fft_only_ms_per_window and fft_share
          satellite-bytes Iridium SBD bytes per meter per day for 1,000 meters with hourly readings: alarms only,
                          hourly summaries, everything; real batch encoder, the gateway's Iridium link on a virtual
                          9603 over a pty (real fragments and AT framing); prints <policy>_serial_bytes_per_meter_per_day
                          and <policy>_air_bytes_per_meter_per_day
          area-status     ms to recompute the disaster area status of a ward of 100,000 meters (100 areas x 1,000) from
                          hourly volumes in memory (24 h window; --hours N for 1-168), fresh engines as after a backfill,
                          one thread, 5 warm-ups, median of 5; prints area_status_ms_per_ward_recompute, area_status_ms_per_ward_hour,
                          area_status_ns_per_meter_hour and area_status_allocated_bytes_per_recompute
          area-service    ms of the in-memory part of the area status service's recompute for 100,000 meters (100 areas x
                          1,000): 4-week baseline + 168 h window per area (AreaStatusService.Judge), one thread, median of
                          3; prints area_service_judge_ms_per_ward_recompute and _cpu_ms_ (processor time, steadier on a
                          shared machine) (store reads not included)
          wisun-parse     SKSTACK-IP (Wi-SUN module) lines parsed per second on one thread and bytes allocated per
                          line: ERXUDP in the BP35A1 and BP35C0 formats, EVENT 21, an EPANDESC field; prints
                          <name>_lines_per_s, <name>_ns_per_line and <name>_allocated_bytes_per_line
        """);
    return 2;
}

// "--seconds N" and "--gateways N", each optional; null when anything else is given.
static (int Seconds, int Gateways)? IngestArgs(string[] args)
{
    var (seconds, gateways) = (60, 4);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return null;
        }

        switch (args[i])
        {
            case "--seconds": seconds = value; break;
            case "--gateways": gateways = value; break;
            default: return null;
        }
    }

    return args.Length % 2 == 0 ? (seconds, gateways) : null;
}
