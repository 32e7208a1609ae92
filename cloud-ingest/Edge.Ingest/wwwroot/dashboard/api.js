// The ingest API as the page uses it. The key lives only in this module's memory: it is typed in, or read once from
// the URL fragment (#key=…, never sent to any server as part of a URL), and sent as the X-Api-Key header.
let apiKey = null;

export function setKey(key) { apiKey = key || null; }
export function hasKey() { return apiKey !== null; }
export function keyHeaders() { return apiKey ? { 'X-Api-Key': apiKey } : {}; }

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

// GET or POST JSON; a problem (RFC 9457) becomes an ApiError with its detail.
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { ...keyHeaders(), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) {
    const detail = (json && (json.detail || json.title)) || `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, detail);
  }
  return json;
}
