// The page's side of a worker (worker.js): requests as promises, program output as a callback.
//   new Engine(module, urls): the compiled playground.wasm, and the addresses (under their
//   versions) of its JavaScript half and of the packs: {glue, files}; either may be a promise
export class Engine {
  constructor(module, urls) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.next = 1;
    this.calls = new Map();
    this.ready = new Promise((resolve, reject) => { this.readyCall = { resolve, reject }; });
    this.worker.onmessage = (ev) => this.receive(ev.data);
    this.worker.onerror = (ev) => {
      const err = new Error(ev.message || 'the worker failed to start');
      this.readyCall.reject(err);
      for (const c of this.calls.values()) c.resolve({ fatal: err.message });
      this.calls.clear();
    };
    // The worker loads its scripts, the glue and the packs while the module compiles (requests
    // made meanwhile wait in the worker for 'init').
    Promise.resolve(urls).then((u) => this.worker.postMessage({ type: 'load', ...u }), (e) => this.readyCall.reject(e));
    Promise.resolve(module).then((m) => this.worker.postMessage({ type: 'init', module: m }),
      (e) => this.readyCall.reject(e));
  }

  receive(m) {
    if (m.type === 'ready') { this.readyCall.resolve(m); return; }
    const c = this.calls.get(m.id);
    if (!c) return;
    if (m.type === 'out') { c.onOut(m.fd, m.text); return; }
    this.calls.delete(m.id);
    if (m.type === 'fatal') c.resolve({ fatal: m.message });
    else c.resolve(m.result);
  }

  request(msg, onOut = () => {}) {
    const id = this.next++;
    return new Promise((resolve) => {
      this.calls.set(id, { resolve, onOut });
      this.worker.postMessage({ ...msg, id });
    });
  }

  run(source, lang, onOut, backend = 'auto') { return this.request({ type: 'run', source, lang, backend }, onOut); }

  terminate() {
    this.worker.terminate();
    for (const c of this.calls.values()) c.resolve({ stopped: true });
    this.calls.clear();
  }
}
