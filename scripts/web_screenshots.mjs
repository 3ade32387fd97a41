// Screenshots of the playground in three languages, for docs/ (linked from the README):
//   node scripts/web_screenshots.mjs [BINARY]
// Serves web/ with `multilingual serve`, opens the page in headless Chromium with an example
// in French, Japanese and Arabic, runs it, and writes docs/playground_{fr,ja,ar}.png.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const binary = process.argv[2] || join(root, 'build', 'multilingual');
const puppeteer = createRequire(import.meta.url)(join(root, 'build-web/npm/node_modules/puppeteer-core'));
const port = 8765;
const server = spawn(binary, ['serve', '--port', String(port)], {
  cwd: root, env: { ...process.env, MULTILINGUAL_WEB_DIR: join(root, 'web') }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 1 });
  for (const [lang, example, tab] of [['fr', 'Classes', 'output'], ['ja', 'Functions', 'translate'], ['ar', 'Errors', 'output']]) {
    await page.goto(`http://127.0.0.1:${port}/playground/#lang=${lang}`);
    await page.waitForSelector('body[data-ready]');
    const idx = await page.$$eval('#example option', (os, name) => os.findIndex((o) => o.textContent === name), example);
    await page.select('#example', String(idx));
    await page.waitForFunction(() => window.playground.source().length > 0);
    await new Promise((r) => setTimeout(r, 300));
    await page.click('#run');
    await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('status').dataset.state));
    if (tab === 'translate') {
      await page.click('#tabs button[data-tab="translate"]');
      await page.select('#translate-to', 'en');
      await page.waitForFunction(() => document.getElementById('translation').dataset.lang === 'en');
    }
    await page.screenshot({ path: join(root, 'docs', `playground_${lang}.png`) });
    console.log(`docs/playground_${lang}.png`);
  }
} finally {
  await browser.close();
  server.kill();
}
