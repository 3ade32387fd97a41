// node page_data.mjs DIST: what the page shows before its interpreter has started, computed
// once at build time by the same wasm32 build (so it is what the page would compute itself):
// every pack's code, names and highlighted spellings (ml_languages), and each example program
// translated into every language; and a content hash of each large file the page loads, which
// the page puts in their addresses (`playground.wasm?v=HASH`) so they may be cached for good:
// another build is another address. Written to DIST/page.json.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeEngine } from './node_engine.mjs';

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node page_data.mjs DIST');
  process.exit(2);
}
const here = fileURLToPath(new URL('.', import.meta.url));
const { EXAMPLES } = await import(pathToFileURL(join(here, '..', 'playground', 'examples.mjs')));
const eng = await nodeEngine(dist);
const languages = eng.languages();
const examples = {};
for (const { code } of languages) {
  examples[code] = EXAMPLES.map((ex) => {
    if (code === 'en') return ex.source;
    const r = eng.translate(ex.source, 'en', code);
    if (r.error) throw new Error(`example '${ex.name}' does not translate to ${code}: ${r.error}`);
    return r.text;
  });
}
const versions = {};
for (const name of ['playground.wasm', 'playground.mjs', 'files.bin'])
  versions[name] = createHash('sha256').update(readFileSync(join(dist, name))).digest('hex').slice(0, 16);
writeFileSync(join(dist, 'page.json'), JSON.stringify({ languages, examples, versions }));
