// The operator's page: wires the map, the area and sensor tables, the alarm list, the live stream and the chart.
import { api, hasKey, setKey } from './api.js';
import { AlarmList } from './alarms.js';
import { drawChart, hourRange } from './chart.js';
import { drawLegend, drawMap } from './map.js';
import { formatTime, percent, statusClass, statusLabel } from './status.js';
import { openStream } from './stream.js';

const $ = id => document.getElementById(id);
const fragment = new URLSearchParams(location.hash.slice(1));
const tiles = fragment.get('tiles'); // off unless asked for: the page needs no external URL
const features = new Map(); // areaId or deviceId -> Feature
let stream = null;

const alarms = new AlarmList($('alarms'), $('alarms-note'), {
  operator: () => $('operator').value.trim() || 'operator',
  onChart: id => showChart('meter', id),
  onLog: log,
});

function keyOf(f) {
  const p = f.properties || {};
  return p.kind === 'sensor' ? `sensor:${p.deviceId}/${p.quantity}` : `area:${p.areaId}`;
}

function setConnection(text, isError) {
  $('connection').textContent = text;
  $('connection').classList.toggle('error', !!isError);
}

function log(text) {
  const li = document.createElement('li');
  li.textContent = `${formatTime(new Date().toISOString())} ${text}`;
  $('events').prepend(li);
  while ($('events').children.length > 100) $('events').lastChild.remove();
}

function render() {
  const all = [...features.values()];
  drawMap($('map'), all, { tiles, onSelect: p => { if (/^\d{5,6}$/.test(p.areaId)) showChart('area', p.areaId); } });
  const areas = all.filter(f => (f.properties || {}).kind !== 'sensor').sort((a, b) => String(a.properties.areaId).localeCompare(String(b.properties.areaId)));
  $('areas').tBodies[0].replaceChildren(...areas.map(f => {
    const p = f.properties;
    const tr = document.createElement('tr');
    tr.dataset.areaId = p.areaId;
    tr.dataset.status = p.status;
    const cells = [p.name || p.areaId, statusLabel(p.status), formatTime(p.since), `${p.metersReporting ?? '—'} / ${p.metersTotal ?? '—'}`, percent(p.zeroFlowRatio), p.householdsWithoutWater ?? '—'];
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = String(c);
      if (i === 1) td.className = `status ${statusClass(p.status)}`;
      tr.append(td);
    });
    return tr;
  }));
  const sensors = all.filter(f => (f.properties || {}).kind === 'sensor');
  $('sensors').tBodies[0].replaceChildren(...sensors.map(f => {
    const p = f.properties;
    const tr = document.createElement('tr');
    for (const c of [p.deviceId, p.quantity, `${p.value ?? '—'} ${p.unit ?? ''}`, p.level ?? '—', formatTime(p.observedAt)]) {
      const td = document.createElement('td');
      td.textContent = String(c);
      tr.append(td);
    }
    return tr;
  }));
}

async function loadStatus() {
  const fc = await api('/v1/areas/status');
  features.clear();
  for (const f of (fc && fc.features) || []) features.set(keyOf(f), f);
  render();
}

function onStreamEvent(type, data) {
  if (type === 'area-status' && data && data.properties) {
    const key = keyOf(data);
    const before = features.get(key);
    features.set(key, data);
    render();
    const p = data.properties;
    if (p.kind !== 'sensor' && (!before || before.properties.status !== p.status)) log(`${p.name || p.areaId}: ${statusLabel(p.status)}`);
  } else if (type === 'alarm') {
    alarms.upsert(data);
    log(`Alarm ${data.kind} of meter ${data.meterId ?? ''}: ${data.state}${data.acknowledged ? ', acknowledged' : ''}`);
  }
}

async function showChart(kind, subject) {
  $('chart-kind').value = kind;
  $('chart-subject').value = subject;
  const hours = Math.max(1, Math.min(744, Number($('chart-hours').value) || 48));
  const { from, to } = hourRange(hours);
  const path = kind === 'meter' ? `/v1/meters/${encodeURIComponent(subject)}/consumption` : `/v1/areas/${encodeURIComponent(subject)}/consumption`;
  try {
    const answer = await api(`${path}?interval=hour&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    const title = kind === 'meter' ? `Meter ${subject}, litres per hour` : `Area ${subject}, litres per hour (${answer.meters} meters)`;
    $('chart-note').textContent = title;
    $('chart-note').classList.remove('error');
    drawChart($('chart'), answer.intervals, title);
  } catch (e) {
    $('chart-note').textContent = `Chart: ${e.message}`;
    $('chart-note').classList.add('error');
  }
}

async function connect(key) {
  setKey(key);
  if (stream) stream.stop();
  setConnection('Connecting…', false);
  document.body.dataset.stream = 'connecting';
  try {
    await loadStatus();
    setConnection('Connected.', false);
  } catch (e) {
    setConnection(`Area status: ${e.message}`, true);
    return;
  }
  await alarms.load();
  stream = openStream(onStreamEvent, (text, isError) => {
    document.body.dataset.stream = isError ? 'down' : 'live';
    setConnection(isError ? text : 'Connected; live updates on.', isError);
    if (!isError) { loadStatus().catch(() => {}); alarms.load(); } // catch up on what changed while down
  });
}

drawLegend($('legend'));
$('key-form').addEventListener('submit', e => { e.preventDefault(); connect($('api-key').value.trim()); });
$('chart-form').addEventListener('submit', e => { e.preventDefault(); showChart($('chart-kind').value, $('chart-subject').value.trim()); });
if (fragment.get('operator')) $('operator').value = fragment.get('operator');
if (fragment.get('key')) {
  // Read the key once and take it out of the address bar (and so out of history and screenshots).
  const key = fragment.get('key');
  fragment.delete('key');
  history.replaceState(null, '', location.pathname + location.search + (fragment.toString() ? '#' + fragment.toString() : ''));
  connect(key);
}
setInterval(() => { if (hasKey()) loadStatus().catch(() => {}); }, 60_000);
