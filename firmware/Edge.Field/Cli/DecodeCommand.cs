using System.CommandLine;
using System.Text;
using Edge.Field.Decoding;
using Edge.Firmware.Frames;

namespace Edge.Field.Cli;

/// <summary>
/// <c>edge-field decode &lt;hex|@file|-&gt; [--json]</c> for our device frames (the default), and
/// <c>edge-field decode --format wmbus|mbus|echonet (--hex HEX [--key HEX] | --stdin)</c> for meter telegrams.
/// </summary>
internal static class DecodeCommand
{
    public static Command Create(FieldEnvironment environment)
    {
        var frame = new Argument<string>("frame")
        {
            Description = "The frame (senml): hex digits, @file (binary or hex text), or - for standard input (binary or hex)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Print the decoded frame as JSON instead of a table (senml)" };
        var format = new Option<string>("--format")
        {
            Description = "senml (our device frames, default), wmbus (wireless M-Bus/OMS), mbus (wired M-Bus long frame) or echonet (ECHONET Lite frame)",
            DefaultValueFactory = _ => MeterFormat.Senml,
        };
        format.AcceptOnlyFromAmong(MeterFormat.Senml, MeterFormat.WMBus, MeterFormat.MBus, MeterFormat.Echonet);
        var hex = new Option<string>("--hex") { Description = "The meter telegram or frame as hex (wmbus, mbus, echonet)" };
        var key = new Option<string>("--key") { Description = "The meter's AES-128 key as 32 hex digits (wmbus)" };
        var stdin = new Option<bool>("--stdin") { Description = "Read lines 'HEX' or 'HEX KEY' from standard input, print one JSON object per line (wmbus, mbus, echonet)" };
        var command = new Command("decode", "Decode a device frame (SenML in CBOR, firmware/FRAME.md), a wM-Bus / M-Bus meter telegram or an ECHONET Lite frame")
        {
            frame,
            json,
            format,
            hex,
            key,
            stdin,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var chosen = parseResult.GetValue(format)!;
            if (chosen == MeterFormat.Senml)
            {
                if (parseResult.GetValue(hex) is not null || parseResult.GetValue(key) is not null || parseResult.GetValue(stdin))
                {
                    return Usage(error, "--hex, --key and --stdin need --format wmbus, mbus or echonet");
                }

                var source = parseResult.GetValue(frame);
                return source is null ? Usage(error, "give the frame as hex, @file or - for standard input") : DecodeSenml(source, parseResult.GetValue(json), environment, output, error);
            }

            return DecodeMeter(chosen, parseResult.GetValue(frame), parseResult.GetValue(hex), parseResult.GetValue(key), parseResult.GetValue(stdin), environment, output, error);
        });
        return command;
    }

    private static int DecodeMeter(string format, string? frame, string? hex, string? key, bool stdin, FieldEnvironment environment, TextWriter output, TextWriter error)
    {
        if (frame is not null)
        {
            return Usage(error, $"--format {format} takes the telegram from --hex or --stdin, not as an argument");
        }

        if ((hex is null) == !stdin)
        {
            return Usage(error, "give exactly one of --hex HEX or --stdin");
        }

        if (stdin && key is not null)
        {
            return Usage(error, "with --stdin, give keys on the lines ('HEX KEY')");
        }

        if (hex is not null)
        {
            return MeterDecodeRun.Hex(format, hex, key, output);
        }

        using var reader = new StreamReader(environment.OpenStandardInput(), Encoding.ASCII);
        return MeterDecodeRun.Lines(format, reader, output);
    }

    private static int DecodeSenml(string source, bool json, FieldEnvironment environment, TextWriter output, TextWriter error)
    {
        SenmlFrame decoded;
        try
        {
            var bytes = FrameInput.Read(source, environment.OpenStandardInput);
            decoded = FrameDecoder.Decode(bytes);
        }
        catch (FrameFormatException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        if (json)
        {
            FrameJsonWriter.Write(decoded, output);
        }
        else
        {
            FrameTextWriter.Write(decoded, output);
        }

        return ExitCodes.Ok;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }
}
