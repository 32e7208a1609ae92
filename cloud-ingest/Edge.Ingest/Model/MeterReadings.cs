namespace Edge.Ingest.Model;

/// <summary>Readings of one meter (<c>GET /v1/meters/{id}/readings</c>, <c>GET /v1/meters/{id}/latest</c>).</summary>
/// <param name="DeviceId">The meter's device id.</param>
/// <param name="Readings">Readings ordered by observed time, then seq.</param>
/// <param name="Next">
/// With <c>limit</c>: the cursor of the next page (pass it as <c>after</c>), null on the last page. A cursor names the
/// last reading's (observed time, seq), so pages stay stable while late readings arrive: a backfilled reading observed
/// before the cursor is not repeated on a later page, and one after it shows up there.
/// </param>
public sealed record MeterReadings(string DeviceId, IReadOnlyList<MeterReading> Readings, string? Next = null);
