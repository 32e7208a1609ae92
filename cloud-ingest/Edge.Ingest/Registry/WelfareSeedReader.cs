using System.Globalization;
using System.Xml;
using Edge.Ingest.Json;

namespace Edge.Ingest.Registry;

/// <summary>Reads the <c>welfare</c> member of a seed device (DOMAIN.md "Device registry seed").</summary>
internal static class WelfareSeedReader
{
    /// <summary>Reads an enrolment; defects go to <paramref name="errors"/> with their paths.</summary>
    public static WelfareEnrolment Read(StrictJsonObject w, List<JsonPathError> errors)
    {
        var enrolled = w.OptionalBool("enrolled") ?? false;
        var household = w.RequiredString("householdId") ?? "";
        var deadline = TimeSpan.Zero;
        if (w.RequiredString("noUseAlertAfter") is { } text)
        {
            try
            {
                deadline = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                w.Error("noUseAlertAfter", $"Expected an ISO 8601 duration such as PT12H, found {DetailText.Quote(text)}.");
            }
        }

        var sleep = new List<DailyWindow>();
        foreach (var (element, path) in w.Array("sleep", required: false))
        {
            if (StrictJsonObject.Open(element, path, errors) is { } s)
            {
                var from = ReadTime(s, "from");
                var to = ReadTime(s, "to");
                s.RejectUnknownMembers();
                if (from is { } f && to is { } t)
                {
                    sleep.Add(new DailyWindow(f, t));
                }
            }
        }

        var away = new List<AwayPeriod>();
        foreach (var (element, path) in w.Array("away", required: false))
        {
            if (StrictJsonObject.Open(element, path, errors) is { } a)
            {
                var from = ReadInstant(a, "from");
                var to = ReadInstant(a, "to");
                a.RejectUnknownMembers();
                if (from is { } f && to is { } t)
                {
                    away.Add(new AwayPeriod(f, t));
                }
            }
        }

        w.RejectUnknownMembers();
        return new WelfareEnrolment(enrolled, household, deadline, sleep, away);
    }

    private static TimeOnly? ReadTime(StrictJsonObject o, string name)
    {
        var text = o.RequiredString(name);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        o.Error(name, $"Expected a local time HH:mm such as 22:00, found {DetailText.Quote(text)}.");
        return null;
    }

    private static DateTimeOffset? ReadInstant(StrictJsonObject o, string name)
    {
        var text = o.RequiredString(name);
        if (text is null)
        {
            return null;
        }

        if (IsoInstant.TryParse(text, out var instant))
        {
            return instant;
        }

        o.Error(name, $"Expected an RFC 3339 date-time with offset, found {DetailText.Quote(text)}.");
        return null;
    }
}
