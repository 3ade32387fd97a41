// The playground's download size and start time:
//   node scripts/web_measure.mjs [BINARY]
// Size: every file the page loads, raw, gzip -9 and brotli (what a static host would send).
// Start: headless Chromium opens the page served by `multilingual serve` (cold: a fresh
// profile; then warm: reloaded, so files come from the HTTP cache... `serve` says no-store, so
// "warm" here only means the browser process and its compile cache are warm), and reads the
// time from navigation start to the page being ready to run a program.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const binary = process.argv[2] || join(root, 'build', 'multilingual');
const page_files = ['index.html', 'playground.css', 'app.mjs', 'engine.mjs', 'engine_client.mjs',
  'error_marks.mjs', 'examples.mjs', 'highlight.mjs', 'worker.js',
  ...readdirSync(join(root, 'web/playground/dist')).map((f) => 'dist/' + f)];
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
  args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  for (const round of ['first load', 'reload 1', 'reload 2', 'reload 3']) {
    await page.goto(`http://127.0.0.1:${port}/playground/`);
    await page.waitForSelector('body[data-ready]', { timeout: 60000 });
    const ms = await page.$eval('body', (b) => b.dataset.ready);
    console.log(`${round}: ready ${ms} ms after navigation start`);
  }
} finally {
  await browser.close();
  server.kill();
}
