// Runs a program with the wasm32 build, in Node, printing what `multilingual run` prints:
//   node web/wasm/run_node.mjs [--dist DIR] [--lang CODE] [--backend auto|wasm|python] [--explain] FILE
// Output to stdout, the localized error to stderr, the program's exit status as ours. Functions
// that compile run in Node's own WebAssembly engine unless --backend python; --explain then
// lists where each ran (to stderr, as `multilingual run --explain`).
// DIR (default web/playground/dist) is where scripts/build-web.sh put the build.
import { readFileSync, writeSync } from 'node:fs';
import { defaultDist, nodeEngine } from './node_engine.mjs';

let dist = defaultDist;
let lang = 'auto';
let backend = 'auto';
let explain = false;
let file = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === '--dist') dist = argv[++i];
  else if (argv[i] === '--lang') lang = argv[++i];
  else if (argv[i] === '--backend') backend = argv[++i];
  else if (argv[i] === '--explain') explain = true;
  else file = argv[i];
}
if (!file) {
  process.stderr.write('usage: node run_node.mjs [--dist DIR] [--lang CODE] [--backend auto|wasm|python] [--explain] FILE\n');
  process.exit(2);
}
const started = process.hrtime.bigint();
const eng = await nodeEngine(dist);
const ready = process.hrtime.bigint();
const r = eng.run(readFileSync(file, 'utf8'), lang, {
  path: file,
  backend,
  onWrite: (fd, text) => writeSync(fd, text),
});
if (process.env.ML_WEB_TIMING)
  process.stderr.write(`start ${Number(ready - started) / 1e6} ms, run ${Number(process.hrtime.bigint() - ready) / 1e6} ms\n`);
if (explain) writeSync(2, backend === 'python' ? 'every function ran on the interpreter (--backend python)\n' : r.explain);
process.exitCode = r.status;
