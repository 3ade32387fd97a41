// The wasm32 build in Node: loads dist/playground.mjs (Emscripten 3.1.6's ES module glue, which
// expects CommonJS's `require` and `__dirname` when it runs in Node) and starts the engine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const defaultDist = join(here, '..', 'playground', 'dist');

export async function nodeEngine(dist = defaultDist) {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= resolve(dist);
  const { createEngine } = await import(pathToFileURL(join(here, '..', 'playground', 'engine.mjs')));
  const { default: createPlayground } = await import(pathToFileURL(resolve(dist, 'playground.mjs')));
  return createEngine({
    createPlayground,
    wasmBinary: readFileSync(join(dist, 'playground.wasm')),
    files: new Uint8Array(readFileSync(join(dist, 'files.bin'))).buffer,
  });
}
