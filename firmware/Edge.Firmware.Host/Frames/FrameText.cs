using System.Globalization;
using System.Text;

namespace Edge.Firmware.Frames;

/// <summary>Safe renderings of untrusted frame text for messages, logs and terminals.</summary>
public static class FrameText
{
    /// <summary>Longest rendering before it is cut with "...".</summary>
    public const int MaxPrintable = 60;

    /// <summary>
    /// <paramref name="text"/> with control and other invisible characters escaped (<c>\u001b</c>) and long
    /// text cut, so that a hostile frame cannot garble a terminal, a log line or a one-line message.
    /// </summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= MaxPrintable)
            {
                builder.Append("...");
                break;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u200e' or '\u200f'
                || (c >= '\u202a' && c <= '\u202e'))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
