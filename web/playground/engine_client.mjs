// The page's side of a worker (worker.js): requests as promises, program output as a callback.
//   new Engine(module, urls): `urls` are the addresses (under their versions) of the module's
//   JavaScript half, of the packs and of the .wasm: {glue, files, wasm}, or a promise of them;
//   `module` is the compiled playground.wasm (or a promise of it), or null: then the worker
//   compiles it itself as it downloads, off the page's thread, and hands it back (`module`), so
//   the next workers start from it without a compile.
export class Engine {
  constructor(module, urls) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.next = 1;
    this.calls = new Map();
    this.ready = new Promise((resolve, reject) => { this.readyCall = { resolve, reject }; });
    this.module = module ? Promise.resolve(module)
      : new Promise((resolve, reject) => { this.moduleCall = { resolve, reject }; });
    this.module.catch(() => {});  // a failure is reported through `ready`
    this.worker.onmessage = (ev) => this.receive(ev.data);
    this.worker.onerror = (ev) => this.failed(new Error(ev.message || 'the worker failed to start'));
    // The worker loads its scripts, the glue and the packs while the module compiles (requests
    // made meanwhile wait in the worker for the module).
    Promise.resolve(urls).then((u) => this.worker.postMessage({ type: 'load', ...u, compile: !module }),
      (e) => this.failed(e));
    if (module) {
      Promise.resolve(module).then((m) => this.worker.postMessage({ type: 'init', module: m }),
        (e) => this.failed(e));
    }
  }

  failed(err) {
    this.readyCall.reject(err);
    if (this.moduleCall) this.moduleCall.reject(err);
    for (const c of this.calls.values()) c.resolve({ fatal: err.message });
    this.calls.clear();
  }

  receive(m) {
    if (m.type === 'module') { this.moduleCall.resolve(m.module); return; }
    if (m.type === 'ready') { this.readyCall.resolve(m); return; }
    if (m.type === 'failed') { this.failed(new Error(m.message)); return; }
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
