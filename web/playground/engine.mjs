// The wasm32 build of the interpreter (dist/playground.mjs + .wasm) behind a small API, shared
// by the page's worker (worker.js) and the command-line check (web/wasm/run_node.mjs).
//
//   const eng = await createEngine({ wasmBinary, files, createPlayground });
//   eng.run(source, lang, { onWrite(fd, text) {}, backend }) -> { status, lang, line, col, explain, wat }
//   (backend: 'auto' (the default, as `multilingual run`), 'wasm' or 'python'; explain and wat:
//   where each function ran and the text of those that ran compiled, as --explain/--emit wat)
//
// `files` is dist/files.bin (web/wasm/bundle_files.mjs) as an ArrayBuffer: the packs and the
// library written in the language ("languages/fr.toml", "stdlib/copy.py"), put in the module's
// in-memory file system under "/".

// The files of a bundle: [path, bytes] pairs, the bytes viewing `buffer`.
export function* unbundle(buffer) {
  const head = new DataView(buffer).getUint32(0, true);
  let at = 4 + head;
  for (const [path, n] of JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, head)))) {
    yield [path, new Uint8Array(buffer, at, n)];
    at += n;
  }
}

export async function createEngine({ wasmBinary, wasmModule, files, createPlayground }) {
  let sink = () => {};
  const decoders = { 1: new TextDecoder(), 2: new TextDecoder() };
  const opts = {
    noInitialRun: false,
    print: (t) => sink(1, t + '\n'),
    printErr: (t) => sink(2, t + '\n'),
    onWrite: (fd, bytes) => sink(fd, decoders[fd].decode(bytes, { stream: true })),
  };
  if (wasmModule) {
    // A module compiled once (the page's worker gets it from the page): instantiating it again
    // for a fresh worker costs no compile.
    opts.instantiateWasm = (imports, done) => {
      WebAssembly.instantiate(wasmModule, imports).then((inst) => done(inst, wasmModule));
      return {};
    };
  } else {
    opts.wasmBinary = wasmBinary;
  }
  const t0 = performance.now();
  const M = await createPlayground(opts);
  const t1 = performance.now();
  for (const [path, bytes] of unbundle(files)) {
    const full = '/' + path;
    M.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    // (canOwn: the file is a view of the fetched buffer, not a copy)
    M.FS.writeFile(full, bytes, { canOwn: true });
  }
  // Where starting took its time (the page reports it: tests/web).
  const timings = { instantiate: t1 - t0, files: performance.now() - t1 };

  // Arguments as C strings on the heap, freed after the call.
  function call(name, ...args) {
    const ptrs = args.map((s) => {
      const n = M.lengthBytesUTF8(s) + 1;
      const p = M._malloc(n);
      M.stringToUTF8(s, p, n);
      return p;
    });
    try {
      M['_' + name](...ptrs);
    } finally {
      ptrs.forEach((p) => M._free(p));
    }
    return JSON.parse(M.UTF8ToString(M._ml_result()));
  }

  return {
    timings,
    languages: () => call('ml_languages'),
    detect: (source) => call('ml_detect', source).lang,
    translate: (source, from, to) => call('ml_translate', source, from || 'auto', to),
    // The whole program as one WebAssembly module (`multilingual build`): {ok, functions, wat,
    // reason | error, bytes}.
    compile(source, lang) {
      const r = call('ml_compile', source, lang || 'auto');
      if (r.ok) r.bytes = M.HEAPU8.slice(M._ml_wasm_bytes(), M._ml_wasm_bytes() + M._ml_wasm_size());
      return r;
    },
    run(source, lang, { onWrite, path, backend } = {}) {
      sink = (fd, text) => { if (text) onWrite(fd, text); };
      try {
        return call('ml_run', source, lang || 'auto', path || '<playground>', backend || 'auto');
      } finally {
        for (const fd of [1, 2]) sink(fd, decoders[fd].decode());
        sink = () => {};
      }
    },
  };
}
