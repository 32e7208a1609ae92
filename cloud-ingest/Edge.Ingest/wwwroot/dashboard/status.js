// Status names as the API sends them, with the words the page shows (never colour alone).
export const STATUSES = [
  ['normal', 'Normal'],
  ['suspected-outage', 'Suspected outage'],
  ['restoring', 'Restoring'],
  ['restored', 'Restored'],
  ['communications-lost', 'Communications lost'],
  ['unknown', 'Unknown'],
];

const LABELS = new Map(STATUSES);

export function statusLabel(status) { return LABELS.get(status) || status || 'Unknown'; }
export function statusClass(status) { return 'status-' + (LABELS.has(status) ? status : 'unknown'); }

export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');
}

export function percent(ratio) {
  return typeof ratio === 'number' ? `${Math.round(ratio * 100)} %` : '—';
}
