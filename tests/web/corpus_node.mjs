// Every corpus program (tests/corpus, as listed in LANGS) run by the wasm32 build in Node must
// print exactly what `multilingual run` prints: the same output, the same error text, the
// same exit status; under the default backend and under --backend wasm, where every function
// that compiles runs in Node's own WebAssembly engine (web/wasm/browser_engine.cpp) and
// --explain must say the same as the command line's.
//   node tests/web/corpus_node.mjs DIST MULTILINGUAL_BINARY
import { readFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [dist, binary] = process.argv.slice(2);
if (!dist || !binary) {
  console.error('usage: node corpus_node.mjs DIST MULTILINGUAL_BINARY');
  process.exit(2);
}
const { nodeEngine } = await import(pathToFileURL(join(root, 'web/wasm/node_engine.mjs')));
const eng = await nodeEngine(dist);

const corpus = join(root, 'tests/corpus');
const entries = readFileSync(join(corpus, 'LANGS'), 'utf8').split('\n')
  .map((l) => l.trim().split(/\s+/)).filter((p) => p.length === 2 && !p[0].startsWith('cli_tool_'));
let failed = 0, compiled = 0;
for (const [file, lang] of entries) {
  const path = join('tests/corpus', file);
  const source = readFileSync(join(root, path), 'utf8');
  for (const backend of ['auto', 'wasm']) {
    const args = backend === 'wasm' ? ['run', '--lang', lang, '--backend', 'wasm', '--explain', path]
                                    : ['run', '--lang', lang, path];
    const cli = spawnSync(binary, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (cli.error || cli.status === null) throw new Error(`${binary} run ${path}: ${cli.error || cli.signal}`);
    let out = '', err = '';
    const r = eng.run(source, lang, { path, backend, onWrite: (fd, t) => { if (fd === 1) out += t; else err += t; } });
    if (backend === 'wasm') {
      err += r.explain;
      compiled += r.explain.split('\n').filter((l) => /: wasm\b/.test(l)).length;
    }
    const same = out === cli.stdout && err === cli.stderr && r.status === cli.status;
    if (!same) {
      failed++;
      writeSync(1, `FAIL ${file} (${backend}): status ${r.status} vs ${cli.status}\n`);
      if (out !== cli.stdout) writeSync(1, `  stdout differs\n--- web\n${out.slice(0, 800)}\n--- cli\n${cli.stdout.slice(0, 800)}\n`);
      if (err !== cli.stderr) writeSync(1, `  stderr differs\n--- web\n${err}\n--- cli\n${cli.stderr}\n`);
    } else {
      writeSync(1, `ok   ${file} (${backend})\n`);
    }
  }
}
writeSync(1, `${compiled} function signatures ran as WebAssembly under --backend wasm\n`);
writeSync(1, `${2 * entries.length - failed}/${2 * entries.length} corpus runs (auto, wasm) print what the CLI prints\n`);
process.exitCode = failed ? 1 : 0;
