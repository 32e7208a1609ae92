// An SVG bar chart of hourly (or daily) consumption from GET /v1/areas/{code}/consumption or
// GET /v1/meters/{id}/consumption. Missing intervals are drawn as dashed outlines, never as zero.
import { formatTime } from './status.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 800, H = 260, L = 60, R = 10, T = 15, B = 40;

function el(name, attrs = {}, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function drawChart(svg, intervals, title) {
  svg.replaceChildren();
  if (!intervals || intervals.length === 0) {
    svg.append(el('text', { x: L, y: 40 }, 'No intervals.'));
    return;
  }
  const litres = intervals.map(i => (i.volumeM3 === null || i.volumeM3 === undefined ? null : Number(i.volumeM3) * 1000));
  const max = Math.max(1, ...litres.filter(v => v !== null).map(v => Math.abs(v)));
  const step = (W - L - R) / intervals.length;
  const y = v => T + (H - T - B) * (1 - v / max);
  svg.append(el('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis' }));
  svg.append(el('line', { x1: L, y1: T, x2: L, y2: H - B, class: 'axis' }));
  svg.append(el('text', { x: L - 5, y: T + 4, 'text-anchor': 'end' }, `${Math.round(max)} L`));
  svg.append(el('text', { x: L - 5, y: H - B, 'text-anchor': 'end' }, '0 L'));
  svg.append(el('text', { x: L, y: H - 5 }, formatTime(intervals[0].start)));
  svg.append(el('text', { x: W - R, y: H - 5, 'text-anchor': 'end' }, formatTime(intervals[intervals.length - 1].end)));
  const bars = el('g', { 'aria-label': title });
  intervals.forEach((iv, k) => {
    const x = L + k * step + step * 0.1;
    const w = Math.max(1, step * 0.8);
    const v = litres[k];
    const label = `${formatTime(iv.start)}: ${v === null ? 'missing' : `${v.toFixed(0)} L`}`;
    let rect;
    if (v === null) {
      rect = el('rect', { x, y: T, width: w, height: H - T - B, class: 'missing' });
    } else {
      const top = Math.min(y(v), y(0));
      rect = el('rect', { x, y: top, width: w, height: Math.max(0.5, Math.abs(y(v) - y(0))), class: 'bar' });
    }
    rect.append(el('title', {}, label));
    bars.append(rect);
  });
  svg.append(bars);
}

// The last `hours` whole UTC hours up to now: the API wants whole hours for interval=hour.
export function hourRange(hours) {
  const to = new Date();
  to.setUTCMinutes(0, 0, 0);
  const from = new Date(to.getTime() - hours * 3600_000);
  const iso = d => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { from: iso(from), to: iso(to) };
}
