// The first steps of start-up, run before the editor's code (dist/editor.js, the largest script)
// has even arrived: index.html loads this module on its own, ahead of app.mjs, so the program's
// worker is fetching, compiling and instantiating the interpreter while the page's thread sets
// up the editor.
//
// The page's data (dist/page.json: languages, examples, and a content hash of each large file)
// comes first, because the large files are asked for under their hash (`playground.wasm?v=HASH`):
// `multilingual serve` lets the browser keep them for good (another build is another address),
// so on a later visit they come from the browser's cache without a request. The worker compiles
// playground.wasm itself as it downloads, off the page's thread, and hands the compiled module
// back for the workers started after it (Stop, detection and translation).
import { Engine } from './engine_client.mjs';

export const t0 = performance.now();
export const pageData = fetch('dist/page.json').then((r) => {
  if (!r.ok) throw new Error(`dist/page.json: HTTP ${r.status}`);
  return r.json();
});
export const urls = pageData.then(({ versions = {} }) => {
  const url = (name) => new URL(versions[name] ? `dist/${name}?v=${versions[name]}` : `dist/${name}`,
    location.href).href;
  return { glue: url('playground.mjs'), files: url('files.bin'), wasm: url('playground.wasm') };
});
export const runner = new Engine(null, urls);
