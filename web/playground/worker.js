// The playground's worker: the interpreter (wasm32 build) runs here, off the page's thread,
// so the page stays responsive and Stop can end a program that never returns (the page
// terminates this worker and starts another from the same compiled module).
//
// Messages in:  {type:'load', glue, files}  the addresses of dist/playground.mjs (the module's
//               JavaScript half) and dist/files.json (the packs and the library)
//               {type:'init', module}   the compiled WebAssembly.Module
//               {type:'run', id, source, lang, backend}  {type:'translate'|'detect', id, ...}
// Messages out: {type:'ready', ms, timings}  {type:'out', id, fd, text}
//               {type:'done'|'reply', id, result}  {type:'fatal', id, message}
import { createEngine } from './engine.mjs';
import { runWasm } from '../loader.mjs';

let engine = null;
let pending = [];
// [the glue's exports, the files], once 'load' has said where they are
let setLoaded;
const loaded = new Promise((resolve) => { setLoaded = resolve; });

function handle(msg) {
  const { id } = msg;
  try {
    if (msg.type === 'run') {
      // Output is sent as it is flushed, so a program that loops forever still shows what it
      // printed before Stop.
      const result = engine.run(msg.source, msg.lang, {
        backend: msg.backend,
        onWrite: (fd, text) => postMessage({ type: 'out', id, fd, text }),
      });
      postMessage({ type: 'done', id, result });
    } else if (msg.type === 'compile') {
      const r = engine.compile(msg.source, msg.lang);
      delete r.bytes;
      postMessage({ type: 'reply', id, result: r });
    } else if (msg.type === 'runCompiled') {
      // The module our code generator emits, run by the browser's own WebAssembly engine with
      // the imports `multilingual build`'s modules use (web/loader.mjs).
      const r = engine.compile(msg.source, msg.lang);
      if (!r.ok) {
        postMessage({ type: 'done', id, result: { status: 1, compiled: false, reason: r.reason || r.error } });
        return;
      }
      const t0 = performance.now();
      runWasm(r.bytes, (text) => postMessage({ type: 'out', id, fd: 1, text })).then((res) => {
        if (!res.ok) postMessage({ type: 'out', id, fd: 2, text: res.error + (res.line ? ` (line ${res.line})` : '') + '\n' });
        postMessage({ type: 'done', id, result: { status: res.ok ? 0 : 1, compiled: true, ms: performance.now() - t0, line: res.line || 0, col: 0 } });
      }, (e) => postMessage({ type: 'fatal', id, message: String(e.message || e) }));
    } else if (msg.type === 'translate') {
      postMessage({ type: 'reply', id, result: engine.translate(msg.source, msg.from, msg.to) });
    } else if (msg.type === 'detect') {
      postMessage({ type: 'reply', id, result: engine.detect(msg.source) });
    }
  } catch (e) {
    // A trap or a JavaScript stack overflow inside the module leaves its state unknown: the
    // page replaces this worker.
    postMessage({ type: 'fatal', id, message: String(e && e.message ? e.message : e) });
  }
}

onmessage = async (ev) => {
  const msg = ev.data;
  if (msg.type === 'load') {
    setLoaded(Promise.all([import(msg.glue), fetch(msg.files).then((r) => r.json())]));
  } else if (msg.type === 'init') {
    const t0 = performance.now();
    const [{ default: createPlayground }, files] = await loaded;
    const waited = performance.now() - t0;
    engine = await createEngine({ createPlayground, wasmModule: msg.module, files });
    engine.timings.waitedForFiles = waited;
    postMessage({ type: 'ready', ms: performance.now() - t0, timings: engine.timings });
    pending.forEach(handle);
    pending = [];
  } else if (!engine) {
    pending.push(msg);
  } else {
    handle(msg);
  }
};
