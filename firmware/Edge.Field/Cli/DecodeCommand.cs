using System.CommandLine;
using Edge.Field.Decoding;
using Edge.Firmware.Frames;

namespace Edge.Field.Cli;

/// <summary><c>edge-field decode &lt;hex|@file|-&gt; [--json]</c>.</summary>
internal static class DecodeCommand
{
    public static Command Create(FieldEnvironment environment)
    {
        var frame = new Argument<string>("frame")
        {
            Description = "The frame: hex digits, @file (binary or hex text), or - for standard input (binary or hex)",
        };
        var json = new Option<bool>("--json") { Description = "Print the decoded frame as JSON instead of a table" };
        var command = new Command("decode", "Decode a device frame (SenML in CBOR, firmware/FRAME.md) and print its readings")
        {
            frame,
            json,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            SenmlFrame decoded;
            try
            {
                var bytes = FrameInput.Read(parseResult.GetValue(frame)!, environment.OpenStandardInput);
                decoded = FrameDecoder.Decode(bytes);
            }
            catch (FrameFormatException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            if (parseResult.GetValue(json))
            {
                FrameJsonWriter.Write(decoded, output);
            }
            else
            {
                FrameTextWriter.Write(decoded, output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
