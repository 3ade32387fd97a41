// The playground's download size and start time:
//   node scripts/web_measure.mjs [BINARY]
// Size: every file the page loads, raw, gzip -9 and brotli (what a static host would send).
// Start: headless Chromium opens the page served by `multilingual serve` (cold: a fresh
// profile on disk; then warm: reloaded, and opened again, with the large files from the HTTP
// cache under their content versions and the compiled wasm from the browser's code cache),
// and reads the time from navigation start to the page being ready to run a program, and the
// bytes of playground.wasm that crossed the network. (tests/web/playground_test.mjs reports
// the same for its own run.)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const binary = process.argv[2] || join(root, 'build', 'multilingual');
const page_files = ['index.html', 'playground.css', 'app.mjs', 'engine.mjs', 'engine_client.mjs',
  'error_marks.mjs', 'examples.mjs', 'highlight.mjs', 'worker.js',
  ...readdirSync(join(root, 'web/playground/dist')).filter((f) => !f.endsWith('.gz')).map((f) => 'dist/' + f)];
let raw = 0, gz = 0, br = 0;
for (const f of [...page_files.map((f) => join(root, 'web/playground', f)), join(root, 'web/loader.mjs')]) {
  if (!statSync(f).isFile()) continue;
  const b = readFileSync(f);
  const g = gzipSync(b, { level: 9 }).length;
  const r = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += b.length; gz += g; br += r;
  if (b.length > 50000) console.log(`${f.slice(root.length + 1)}: ${b.length} bytes, gzip ${g}, brotli ${r}`);
}
console.log(`all files: ${raw} bytes, gzip -9 ${gz}, brotli ${br}`);

const puppeteer = createRequire(import.meta.url)(join(root, 'build-web/npm/node_modules/puppeteer-core'));
const port = 8766;
const server = spawn(binary, ['serve', '--port', String(port)], {
  cwd: root, env: { ...process.env, MULTILINGUAL_WEB_DIR: join(root, 'web') }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  userDataDir: mkdtempSync(join(tmpdir(), 'ml-measure-')), args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  const url = `http://127.0.0.1:${port}/playground/`;
  for (const round of ['first load', 'reload 1', 'reload 2', 'reload 3', 'visit again 1', 'visit again 2']) {
    if (round.startsWith('reload')) await page.reload();
    else {
      await page.goto('about:blank');
      await page.goto(url);
    }
    await page.waitForSelector('body[data-ready]', { timeout: 60000 });
    const r = await page.evaluate(() => ({ ready: document.body.dataset.ready, times: document.body.dataset.times,
      wasm: performance.getEntriesByType('resource').find((e) => /playground\.wasm/.test(e.name))?.transferSize }));
    console.log(`${round}: ready ${r.ready} ms after navigation start, playground.wasm ${r.wasm} bytes on the wire, ${r.times}`);
  }
} finally {
  await browser.close();
  server.kill();
}
