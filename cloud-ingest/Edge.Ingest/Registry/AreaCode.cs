using System.Diagnostics.CodeAnalysis;

namespace Edge.Ingest.Registry;

/// <summary>
/// A Japanese local government code (全国地方公共団体コード, JIS X 0402): 2 digits of prefecture (JIS X 0401, Tokyo = 13)
/// and 3 of municipality, e.g. 13101 for Chiyoda. The 6-digit form adds a check digit: weights 6, 5, 4, 3, 2 on the
/// five digits, sum mod 11, and the last digit of 11 minus that remainder (131016 for Chiyoda).
/// </summary>
public readonly record struct AreaCode
{
    private AreaCode(string code) => Code = code;

    /// <summary>The 5-digit code, e.g. <c>13101</c>.</summary>
    public string Code { get; }

    /// <summary>The 6-digit code with its check digit, e.g. <c>131016</c>.</summary>
    public string WithCheckDigit => Code + CheckDigit(Code);

    /// <summary>The two-digit prefecture code (JIS X 0401).</summary>
    public string Prefecture => Code[..2];

    /// <summary>Parses a 5-digit code, or a 6-digit code whose check digit must be right.</summary>
    public static bool TryParse(string? text, out AreaCode area, [NotNullWhen(false)] out string? error)
    {
        area = default;
        if (text is null || text.Length is not (5 or 6) || !text.All(char.IsAsciiDigit))
        {
            error = $"An area code has 5 digits, or 6 with the check digit (JIS X 0402); found {DetailText.Quote(text)}.";
            return false;
        }

        var code = text[..5];
        if (text.Length == 6 && text[5] != CheckDigit(code))
        {
            error = $"The check digit of {DetailText.Quote(text)} is wrong; {code}{CheckDigit(code)} would be valid.";
            return false;
        }

        area = new AreaCode(code);
        error = null;
        return true;
    }

    /// <summary>Parses a code, throwing <see cref="FormatException"/> when it is not valid.</summary>
    public static AreaCode Parse(string text) =>
        TryParse(text, out var area, out var error) ? area : throw new FormatException(error);

    /// <summary>The JIS X 0402 check digit of a 5-digit code.</summary>
    public static char CheckDigit(string fiveDigits)
    {
        ArgumentNullException.ThrowIfNull(fiveDigits);
        if (fiveDigits.Length != 5 || !fiveDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Five ASCII digits are needed.", nameof(fiveDigits));
        }

        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (fiveDigits[i] - '0') * (6 - i);
        }

        return (char)('0' + ((11 - (sum % 11)) % 10));
    }

    /// <inheritdoc />
    public override string ToString() => Code ?? "";
}
