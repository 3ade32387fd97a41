// The playground's download size and start time:
//   node scripts/web_measure.mjs [BINARY] [--reloads N] [--linger MS] [--js-flags FLAGS]
// Size: every file the page loads, raw, gzip -9 and brotli (what a static host would send),
// and what the first visit actually transferred.
// Start: headless Chromium opens the page served by `multilingual serve` with a profile on disk
// kept for the whole measurement, as a visitor's browser keeps one (cold: the profile is new;
// then warm: reloaded N times, and opened again twice, with the large files from the HTTP cache
// under their content versions). It reads the time from navigation start to Run enabled, the
// bytes of playground.wasm that crossed the network, and the size of the profile's wasm code
// cache (Chromium writes compiled wasm there only some seconds after the module's hot functions
// were optimized, so each visit stays --linger MS on the page, 5000 by default, as a visitor
// would; --linger 0 reloads at once). The load average is printed: the times mean little
// without it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}
const reloads = Number(option('--reloads', '3'));
const linger = Number(option('--linger', '5000'));
const jsFlags = option('--js-flags', '');
const binary = args[0] || join(root, 'build', 'multilingual');

const page_files = ['index.html', 'playground.css', 'start.mjs', 'app.mjs', 'engine.mjs', 'engine_client.mjs',
  'error_marks.mjs', 'examples.mjs', 'highlight.mjs', 'worker.js',
  ...readdirSync(join(root, 'web/playground/dist')).filter((f) => !f.endsWith('.gz')).map((f) => 'dist/' + f)];
let raw = 0, gz = 0, br = 0;
for (const f of [...page_files.map((f) => join(root, 'web/playground', f)), join(root, 'web/loader.mjs')]) {
  if (!existsSync(f) || !statSync(f).isFile()) continue;
  const b = readFileSync(f);
  const g = gzipSync(b, { level: 9 }).length;
  const r = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += b.length; gz += g; br += r;
  if (b.length > 50000) console.log(`${f.slice(root.length + 1)}: ${b.length} bytes, gzip ${g}, brotli ${r}`);
}
console.log(`all files: ${raw} bytes, gzip -9 ${gz}, brotli ${br}`);

// Bytes under a folder of the profile (the code caches), 0 when it does not exist yet.
function du(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return n;
}

function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`load average at start: ${load()}`);
const puppeteer = createRequire(import.meta.url)(join(root, 'build-web/npm/node_modules/puppeteer-core'));
const port = await freePort();
const server = spawn(binary, ['serve', '--port', String(port)], {
  cwd: root, env: { ...process.env, MULTILINGUAL_WEB_DIR: join(root, 'web') }, stdio: 'ignore' });
const url = `http://127.0.0.1:${port}/playground/`;
for (let i = 0; i < 100; ++i) {
  try { if ((await fetch(url)).ok) break; } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 100));
}
const profile = mkdtempSync(join(tmpdir(), 'ml-measure-'));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, userDataDir: profile,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage',
    ...(jsFlags ? [`--js-flags=${jsFlags}`] : [])] });
const readies = [];
try {
  const page = await browser.newPage();
  const rounds = ['first visit', ...Array.from({ length: reloads }, (_, i) => `reload ${i + 1}`), 'visit again 1', 'visit again 2'];
  for (const round of rounds) {
    if (round.startsWith('reload')) await page.reload();
    else {
      await page.goto('about:blank');
      await page.goto(url);
    }
    await page.waitForSelector('body[data-ready]', { timeout: 120000 });
    const r = await page.evaluate(() => {
      // the page's requests and its program worker's (which fetches the .wasm and the packs)
      const res = [...performance.getEntriesByType('resource'), ...JSON.parse(document.body.dataset.workerResources)];
      const nav = performance.getEntriesByType('navigation')[0];
      return { ready: Number(document.body.dataset.ready), times: document.body.dataset.times,
        wasm: res.find((e) => /playground\.wasm/.test(e.name))?.transferSize,
        wire: res.reduce((n, e) => n + e.transferSize, nav.transferSize) };
    });
    readies.push(r.ready);
    if (linger > 0) await new Promise((res) => setTimeout(res, linger));
    const cache = du(join(profile, 'Default', 'Code Cache', 'wasm'));
    console.log(`${round}: ready ${r.ready} ms after navigation start, ${r.wire} bytes on the wire ` +
      `(playground.wasm ${r.wasm}), wasm code cache ${cache} bytes, load ${load()}, ${r.times}`);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
const warm = readies.slice(1).sort((a, b) => a - b);
console.log(`first visit ${readies[0]} ms; warm: median ${warm[warm.length >> 1]} ms, best ${warm[0]} ms, worst ${warm[warm.length - 1]} ms`);
