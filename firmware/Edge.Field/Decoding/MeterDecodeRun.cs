using Edge.Field.Cli;

namespace Edge.Field.Decoding;

/// <summary>
/// Runs <c>decode --format wmbus|mbus|echonet</c>: one telegram from <c>--hex</c>, or a batch of lines from standard
/// input (<c>HEX</c> or <c>HEX KEY</c>; blank lines skipped) with one JSON object per line.
/// </summary>
public static class MeterDecodeRun
{
    /// <summary>Decodes one telegram and prints it as indented JSON; exit code 0, or 2 with <c>{"error": ...}</c>.</summary>
    public static int Hex(string format, string hex, string? key, TextWriter output)
    {
        if (format == MeterFormat.Echonet)
        {
            var echonet = new EchonetJsonDecoder();
            var ok = echonet.TryDecode(hex, key, out var failure);
            output.WriteLine(ok ? EchonetJsonWriter.Write(echonet.Frame, echonet.Scale, indented: true) : MeterJsonWriter.WriteError(failure, indented: true));
            return ok ? ExitCodes.Ok : ExitCodes.InvalidInput;
        }

        var decoder = new MeterTelegramDecoder(format);
        if (!decoder.TryDecode(hex, key, out var error))
        {
            output.WriteLine(MeterJsonWriter.WriteError(error, indented: true));
            return ExitCodes.InvalidInput;
        }

        output.WriteLine(MeterJsonWriter.Write(format, decoder.Telegram, indented: true));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Decodes every non-blank line of <paramref name="input"/>, writing one JSON line each (an error line
    /// for a bad one, and the batch goes on). Exit code 0 when all lines decoded, 2 when any did not.
    /// </summary>
    public static int Lines(string format, TextReader input, TextWriter output)
    {
        var echonet = format == MeterFormat.Echonet ? new EchonetJsonDecoder() : null;
        var decoder = echonet == null ? new MeterTelegramDecoder(format) : null;
        var failed = false;
        string? line;
        while ((line = input.ReadLine()) != null)
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            string text;
            if (parts.Length > 2)
            {
                text = MeterJsonWriter.WriteError($"expected HEX or HEX KEY, got {parts.Length} fields", indented: false);
                failed = true;
            }
            else if (echonet != null)
            {
                var ok = echonet.TryDecode(parts[0], parts.Length == 2 ? parts[1] : null, out var failure);
                text = ok ? EchonetJsonWriter.Write(echonet.Frame, echonet.Scale, indented: false) : MeterJsonWriter.WriteError(failure, indented: false);
                failed |= !ok;
            }
            else if (decoder!.TryDecode(parts[0], parts.Length == 2 ? parts[1] : null, out var error))
            {
                text = MeterJsonWriter.Write(format, decoder.Telegram, indented: false);
            }
            else
            {
                text = MeterJsonWriter.WriteError(error, indented: false);
                failed = true;
            }

            output.WriteLine(text);
        }

        return failed ? ExitCodes.InvalidInput : ExitCodes.Ok;
    }
}
