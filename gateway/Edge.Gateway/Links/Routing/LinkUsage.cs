namespace Edge.Gateway.Links.Routing;

/// <summary>Wire bytes a link used in the current budget day and month, and since it was first used.</summary>
/// <param name="DayStart">Start of the budget day these bytes belong to.</param>
/// <param name="DayBytes">Bytes in that day.</param>
/// <param name="MonthStart">Start of the budget month.</param>
/// <param name="MonthBytes">Bytes in that month.</param>
/// <param name="TotalBytes">Bytes ever.</param>
public sealed record LinkUsage(DateTimeOffset DayStart, long DayBytes, DateTimeOffset MonthStart, long MonthBytes, long TotalBytes);
