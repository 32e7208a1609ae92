// Draws GET /v1/areas/status (RFC 7946 FeatureCollection) as SVG in Web Mercator, fitted to the features. No tiles by
// default: a tile layer is drawn only when the page is opened with #tiles=<URL template with {z} {x} {y}>.
import { STATUSES, statusClass, statusLabel } from './status.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 500;
const PAD = 30;

function el(name, attrs = {}, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// Web Mercator (EPSG:3857) in world units 0..1.
function mercator([lon, lat]) {
  const s = Math.sin(lat * Math.PI / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

function positions(feature) {
  const g = feature.geometry;
  if (!g) return [];
  if (g.type === 'Point') return [g.coordinates];
  return rings(g).flat();
}

export function drawLegend(list) {
  list.replaceChildren(...STATUSES.map(([status, label]) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch ${statusClass(status)}`;
    swatch.setAttribute('aria-hidden', 'true');
    li.append(swatch, label);
    return li;
  }));
}

export function drawMap(svg, features, { tiles, onSelect } = {}) {
  const all = features.flatMap(positions).map(mercator);
  svg.replaceChildren();
  const defs = el('defs');
  const hatch = el('pattern', { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(el('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#000', 'stroke-width': 2, 'stroke-opacity': 0.45 }));
  defs.append(hatch);
  svg.append(defs);
  if (all.length === 0) {
    svg.append(el('text', { x: 20, y: 40 }, 'No areas to show yet.'));
    return;
  }

  const minX = Math.min(...all.map(p => p[0])), maxX = Math.max(...all.map(p => p[0]));
  const minY = Math.min(...all.map(p => p[1])), maxY = Math.max(...all.map(p => p[1]));
  const scale = Math.min((WIDTH - 2 * PAD) / Math.max(maxX - minX, 1e-9), (HEIGHT - 2 * PAD) / Math.max(maxY - minY, 1e-9));
  const offX = (WIDTH - (maxX - minX) * scale) / 2, offY = (HEIGHT - (maxY - minY) * scale) / 2;
  const project = pos => { const [x, y] = mercator(pos); return [offX + (x - minX) * scale, offY + (y - minY) * scale]; };

  if (tiles) drawTiles(svg, tiles, scale, minX - offX / scale, minY - offY / scale);

  const areaLayer = el('g', { class: 'areas' });
  const sensorLayer = el('g', { class: 'sensors' });
  for (const f of features) {
    const p = f.properties || {};
    if (p.kind === 'sensor') sensorLayer.append(drawSensor(f, project));
    else areaLayer.append(drawArea(f, project, onSelect));
  }
  svg.append(areaLayer, sensorLayer);
}

function drawArea(feature, project, onSelect) {
  const p = feature.properties || {};
  const status = p.status || 'unknown';
  const label = `${p.name || p.areaId}: ${statusLabel(status)}`;
  const g = el('g', { class: `area ${statusClass(status)}`, 'data-area-id': p.areaId, 'data-status': status, tabindex: 0, role: 'button', 'aria-label': label });
  g.append(el('title', {}, label + (p.detail ? ` — ${p.detail}` : '')));
  const shape = rings(feature.geometry);
  let cx, cy;
  if (shape.length > 0) {
    const d = shape.map(ring => 'M' + ring.map(pos => project(pos).map(v => v.toFixed(1)).join(',')).join('L') + 'Z').join(' ');
    g.append(el('path', { d, class: statusClass(status), 'fill-rule': 'evenodd' }));
    if (status === 'suspected-outage' || status === 'communications-lost') g.append(el('path', { d, fill: 'url(#hatch)' }));
    const outer = shape[0].slice(0, -1).map(project);
    cx = outer.reduce((s, q) => s + q[0], 0) / outer.length;
    cy = outer.reduce((s, q) => s + q[1], 0) / outer.length;
  } else if (feature.geometry && feature.geometry.type === 'Point') {
    [cx, cy] = project(feature.geometry.coordinates);
    g.append(el('rect', { x: cx - 7, y: cy - 7, width: 14, height: 14, class: statusClass(status), stroke: '#333' }));
    cy += 20;
  } else {
    return g;
  }
  g.append(el('text', { x: cx, y: cy - 4, 'text-anchor': 'middle', class: 'area-label' }, p.name || p.areaId));
  g.append(el('text', { x: cx, y: cy + 10, 'text-anchor': 'middle', class: 'area-status' }, statusLabel(status)));
  if (onSelect) {
    g.addEventListener('click', () => onSelect(p));
    g.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(p); } });
  }
  return g;
}

function drawSensor(feature, project) {
  const p = feature.properties || {};
  const g = el('g', { class: 'sensor', 'data-device-id': p.deviceId, 'data-level': p.level ?? '' });
  if (!feature.geometry || feature.geometry.type !== 'Point') return g;
  const [x, y] = project(feature.geometry.coordinates);
  const text = `${p.quantity}: ${p.value ?? '—'} ${p.unit ?? ''}${p.level ? ` (${p.level})` : ''}`;
  g.append(el('title', {}, `${p.deviceId} — ${text}`));
  // Quiet levels (normal, dry, below the lowest rain band) are white; any raised level is filled and named.
  const raised = p.level && !['normal', 'dry'].includes(p.level) && !String(p.level).startsWith('below-');
  g.append(el('circle', { cx: x, cy: y, r: 6, fill: raised ? '#6a4c93' : '#fff' }));
  g.append(el('text', { x: x + 9, y: y + 4 }, text));
  return g;
}

function drawTiles(svg, template, scale, worldX0, worldY0) {
  // The zoom whose 256-pixel tiles are closest to the map's own scale; tiles are fetched only on this explicit opt-in.
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(scale / 256))));
  const n = 2 ** z;
  const size = scale / n;
  const layer = el('g', { class: 'tiles', opacity: 0.6 });
  const x0 = Math.floor(worldX0 * n), y0 = Math.floor(worldY0 * n);
  const x1 = Math.floor((worldX0 + WIDTH / scale) * n), y1 = Math.floor((worldY0 + HEIGHT / scale) * n);
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const href = template.replace('{z}', z).replace('{x}', x).replace('{y}', y);
      layer.append(el('image', { href, x: (x / n - worldX0) * scale, y: (y / n - worldY0) * scale, width: size, height: size }));
    }
  }
  svg.append(layer);
}
