// The playground's worker: the interpreter (wasm32 build) runs here, off the page's thread,
// so the page stays responsive and Stop can end a program that never returns (the page
// terminates this worker and starts another from the same compiled module).
//
// Messages in:  {type:'load', glue, files, wasm, compile}  the addresses of dist/playground.mjs
//               (the module's JavaScript half), dist/files.bin (the packs and the library) and
//               dist/playground.wasm, which the worker compiles itself when `compile` is set
//               {type:'init', module}   otherwise: the compiled WebAssembly.Module
//               {type:'run', id, source, lang, backend}  {type:'translate'|'detect', id, ...}
// Messages out: {type:'module', module} (what it compiled)  {type:'ready', ms, timings}
//               {type:'failed', message} (it could not start)  {type:'out', id, fd, text}
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

// The .wasm compiled as it downloads (the page's thread never sees its bytes), with a fallback
// for servers that do not send it as application/wasm.
function compile(url) {
  return WebAssembly.compileStreaming(fetch(url))
    .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
}

const t0 = performance.now();
let started = false;
async function start(moduleP) {
  if (started) return;
  started = true;
  try {
    const module = await moduleP;
    const compiled = performance.now() - t0;
    const t1 = performance.now();
    const [{ default: createPlayground }, files] = await loaded;
    const waited = performance.now() - t1;
    engine = await createEngine({ createPlayground, wasmModule: module, files });
    Object.assign(engine.timings, { compiled, waitedForFiles: waited });
    // What this worker's requests cost on the wire (the page's own list does not hold them).
    const resources = performance.getEntriesByType('resource').map((e) => ({
      name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize }));
    postMessage({ type: 'ready', ms: performance.now() - t0, timings: engine.timings, resources });
  } catch (e) {
    postMessage({ type: 'failed', message: String(e && e.message ? e.message : e) });
    return;
  }
  pending.forEach(handle);
  pending = [];
}

onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === 'load') {
    setLoaded(Promise.all([import(msg.glue), fetch(msg.files).then((r) => {
      if (!r.ok) throw new Error(`${msg.files}: HTTP ${r.status}`);
      return r.arrayBuffer();
    })]));
    if (msg.compile) {
      start(compile(msg.wasm).then((module) => {
        postMessage({ type: 'module', module });
        return module;
      }));
    }
  } else if (msg.type === 'init') {
    start(Promise.resolve(msg.module));
  } else if (!engine) {
    pending.push(msg);
  } else {
    handle(msg);
  }
};
