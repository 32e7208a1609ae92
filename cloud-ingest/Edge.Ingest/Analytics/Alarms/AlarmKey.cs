namespace Edge.Ingest.Analytics.Alarms;

/// <summary>An alarm's identity (issue 8): the subject, the kind and the start hour of its condition.</summary>
/// <param name="SubjectId">The meter (or household, area).</param>
/// <param name="Kind">The alarm.</param>
/// <param name="Start">Start of the first hour of the condition (UTC).</param>
public readonly record struct AlarmKey(string SubjectId, AlarmKind Kind, DateTimeOffset Start);
