// GET /v1/stream (server-sent events, WHATWG HTML §9.2) read with fetch(): EventSource cannot send the X-Api-Key
// header, and the key must not travel in a URL. The parser follows the spec's field rules (id, event, data; a blank
// line dispatches; lines starting with ':' are comments) and reconnects with Last-Event-ID.
import { keyHeaders } from './api.js';

export function openStream(onEvent, onState) {
  let lastId = null;
  let stopped = false;
  let controller = null;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { ...keyHeaders(), Accept: 'text/event-stream' };
        if (lastId !== null) headers['Last-Event-ID'] = lastId;
        const res = await fetch('/v1/stream', { headers, signal: controller.signal, cache: 'no-store' });
        if (!res.ok) {
          onState(`stream refused: ${res.status}`, true);
          if (res.status === 401 || res.status === 403) return;
        } else {
          onState('live', false);
          await read(res.body.getReader());
          onState('stream ended; reconnecting', true);
        }
      } catch (e) {
        if (stopped) return;
        onState(`stream interrupted (${e.message}); reconnecting`, true);
      }
      await new Promise(r => setTimeout(r, 3000));
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { id: null, type: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + (buffer[nl] === '\r' && buffer[nl + 1] === '\n' ? 2 : 1));
        if (line === '') {
          if (event.id !== null) lastId = event.id;
          if (event.data.length > 0) dispatch(event);
          event = { id: null, type: 'message', data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'id') event.id = val;
        else if (field === 'event') event.type = val;
        else if (field === 'data') event.data.push(val);
      }
    }
  }

  function dispatch(event) {
    let data;
    try { data = JSON.parse(event.data.join('\n')); } catch { return; }
    onEvent(event.type, data, event.id);
  }

  run();
  return { stop() { stopped = true; if (controller) controller.abort(); } };
}
