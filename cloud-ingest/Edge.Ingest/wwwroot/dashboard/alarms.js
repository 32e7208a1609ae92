// The list of open alarms (GET /v1/alarms?state=open) kept current from the stream, with Acknowledge
// (POST /v1/alarms/{id}/acknowledge). Alarms are meter-scale: the disaster role is refused, and the list says so.
import { api } from './api.js';
import { formatTime } from './status.js';

export class AlarmList {
  constructor(list, note, { operator, onChart, onLog }) {
    this.list = list;
    this.note = note;
    this.operator = operator;
    this.onChart = onChart;
    this.onLog = onLog;
    this.alarms = new Map();
  }

  async load() {
    try {
      const answer = await api('/v1/alarms?state=open&limit=100');
      this.alarms.clear();
      for (const a of answer.alarms || []) this.alarms.set(a.id, a);
      this.note.textContent = this.alarms.size === 0 ? 'No open alarms.' : '';
      this.note.classList.remove('error');
    } catch (e) {
      this.note.textContent = e.status === 403 ? 'Alarms are not shown for this role (meter-scale data).' : `Alarms: ${e.message}`;
      this.note.classList.add('error');
    }
    this.render();
  }

  upsert(alarm) {
    if (!alarm || !alarm.id) return;
    this.alarms.set(alarm.id, alarm);
    this.note.textContent = '';
    this.render();
  }

  render() {
    const sorted = [...this.alarms.values()].sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
    this.list.replaceChildren(...sorted.map(a => this.item(a)));
  }

  item(a) {
    const li = document.createElement('li');
    li.dataset.alarmId = a.id;
    li.dataset.kind = a.kind;
    li.className = [a.state === 'cleared' ? 'cleared' : 'open', a.acknowledged ? 'acknowledged' : ''].join(' ').trim();
    const head = document.createElement('div');
    head.className = 'alarm-head';
    head.textContent = `${a.kind} — meter ${a.meterId ?? '—'}, area ${a.areaId ?? '—'}`;
    const state = document.createElement('div');
    state.className = 'alarm-state';
    state.textContent = `${a.state === 'cleared' ? 'Cleared' : 'Open'}, ${a.acknowledged ? 'acknowledged' : 'not acknowledged'}; since ${formatTime(a.start)}`;
    const detail = document.createElement('div');
    detail.textContent = a.detail || '';
    const ack = document.createElement('button');
    ack.type = 'button';
    ack.className = 'acknowledge';
    ack.textContent = a.acknowledged ? 'Acknowledged' : 'Acknowledge';
    ack.disabled = !!a.acknowledged;
    ack.setAttribute('aria-label', `Acknowledge ${a.kind} alarm of meter ${a.meterId ?? ''}`);
    ack.addEventListener('click', () => this.acknowledge(a, ack));
    li.append(head, state, detail, ack);
    if (a.meterId && this.onChart) {
      const chart = document.createElement('button');
      chart.type = 'button';
      chart.textContent = 'Chart';
      chart.addEventListener('click', () => this.onChart(a.meterId));
      li.append(chart);
    }
    return li;
  }

  async acknowledge(alarm, button) {
    button.disabled = true;
    try {
      const updated = await api(`/v1/alarms/${encodeURIComponent(alarm.id)}/acknowledge`, { method: 'POST', body: { operator: this.operator() } });
      this.upsert(updated);
      this.onLog(`Acknowledged ${alarm.kind} of meter ${alarm.meterId ?? ''}`);
    } catch (e) {
      button.disabled = false;
      this.note.textContent = `Acknowledge failed: ${e.message}`;
      this.note.classList.add('error');
    }
  }
}
