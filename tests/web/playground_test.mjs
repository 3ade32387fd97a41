// The playground page (web/playground) driven in Debian's headless Chromium through the DevTools
// protocol (puppeteer-core): programs typed in French, Japanese and Arabic, a localized error,
// Translate, Stop on an endless loop, the shareable link, and every corpus program, each checked
// against what the command-line `multilingual run` / `translate` print for the same program.
//
//   node --test tests/web/playground_test.mjs
// Environment: ML_BINARY (the native multilingual, for `serve` and the reference output),
// ML_PUPPETEER (puppeteer-core's folder; default build-web/npm/node_modules/puppeteer-core),
// CHROMIUM (default /usr/bin/chromium). Needs the web build (scripts/build-web.sh).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = process.env.ML_BINARY || join(root, 'build', 'multilingual');
const puppeteerDir = process.env.ML_PUPPETEER || join(root, 'build-web', 'npm', 'node_modules', 'puppeteer-core');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const scratch = mkdtempSync(join(tmpdir(), 'ml-web-'));

let server, browser, page, base;

// What the command line prints for `source` in `lang`: the reference for the page.
function cli(source, lang, extra = []) {
  const file = join(scratch, `prog_${lang}.multi`);
  writeFileSync(file, source);
  const r = spawnSync(binary, ['run', '--lang', lang, ...extra, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error || r.status === null) throw new Error(`${binary} run: ${r.error || r.signal}`);
  // The page names its program <playground> where the command line names the file.
  return { stdout: r.stdout, stderr: r.stderr.split(file).join('<playground>'), status: r.status };
}

function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; ++i) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

before(async () => {
  for (const [what, path] of [['the native binary', binary], ['puppeteer-core', puppeteerDir],
    ['chromium', chromium], ['the web build', join(root, 'web/playground/dist/playground.wasm')]])
    if (!existsSync(path)) throw new Error(`${what} is missing: ${path} (scripts/build-web.sh builds the page)`);
  const port = await freePort();
  server = spawn(binary, ['serve', '--port', String(port)], {
    cwd: scratch, env: { ...process.env, MULTILINGUAL_WEB_DIR: join(root, 'web') }, stdio: 'ignore',
  });
  base = `http://127.0.0.1:${port}/${process.env.ML_WEB_PAGE || 'playground/'}`;
  await waitForServer(base);
  const puppeteer = createRequire(import.meta.url)(puppeteerDir);
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await open();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill();
});

async function open(fragment = '') {
  await page.goto(base + fragment);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
}

async function chooseLanguage(code) {
  await page.select('#lang', code);
}

// Types `text` into the editor as a keyboard would (IME-style insertion, so no auto-indent).
async function typeProgram(text) {
  await page.click('.cm-content');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  for (const line of text.split(/(?<=\n)/)) await page.keyboard.sendCharacter(line);
}

// Ctrl+Enter, then the output split back into what went to stdout and to stderr.
async function runAndRead(useKey = true) {
  if (useKey) {
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
  } else {
    await page.click('#run');
  }
  await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('status').dataset.state)
    && !document.getElementById('run').disabled, { timeout: 60000 });
  return page.evaluate(() => {
    let stdout = '', stderr = '';
    for (const s of document.querySelectorAll('#output span')) {
      if (s.classList.contains('err')) stderr += s.textContent; else stdout += s.textContent;
    }
    return { stdout, stderr, state: document.getElementById('status').dataset.state };
  });
}

const FRENCH = 'déf carré(n):\n    retour n * n\n\npour i dans intervalle(4):\n    afficher(i, carré(i))\n';
const JAPANESE = '関数 二乗(n):\n    戻る n * n\n\n毎 i 中 範囲(4):\n    表示(i, 二乗(i))\n';
const ARABIC = 'دالة مربع(n):\n    إرجاع n * n\n\nلكل i في مدى(4):\n    طباعة(i, مربع(i))\n';

for (const [name, code, text] of [['French', 'fr', FRENCH], ['Japanese', 'ja', JAPANESE], ['Arabic', 'ar', ARABIC]]) {
  test(`a program typed in ${name} is detected and runs as on the command line`, async () => {
    await chooseLanguage('auto');
    await typeProgram(text);
    await page.waitForFunction((c) => document.getElementById('detected').dataset.lang === c, { timeout: 10000 }, code);
    assert.equal(await page.evaluate(() => window.playground.source()), text);
    const got = await runAndRead();
    const want = cli(text, code);
    assert.equal(want.status, 0);
    assert.equal(got.stdout, want.stdout);
    assert.equal(got.stderr, '');
    const dir = await page.evaluate(() => document.querySelector('.cm-editor').getAttribute('dir'));
    assert.equal(dir, code === 'ar' ? 'rtl' : 'ltr');
    // the pack's keywords are highlighted as keywords
    const keywords = await page.evaluate(() => [...document.querySelectorAll('.cm-content span')]
      .filter((s) => getComputedStyle(s).fontWeight === '600').map((s) => s.textContent));
    assert.ok(keywords.length >= 2, `no keyword highlighted in ${keywords}`);
  });
}

test('an error is localized, located, and marked in the editor', async () => {
  await chooseLanguage('fr');
  const text = 'x = 10\nafficher(x)\nafficher(x / 0)\n';
  await typeProgram(text);
  const got = await runAndRead(false);
  const want = cli(text, 'fr');
  assert.equal(want.status, 1);
  assert.equal(got.state, 'error');
  assert.equal(got.stdout, want.stdout);
  assert.equal(got.stderr, want.stderr);
  assert.match(got.stderr, /division/);  // the French message, not an English one
  const marked = await page.evaluate(() => ({
    line: document.querySelector('.cm-error-line')?.textContent,
    char: document.querySelector('.cm-error-mark')?.textContent,
  }));
  assert.equal(marked.line, 'afficher(x / 0)');
  assert.ok(marked.char, 'no character marked');
});

test('a syntax error shows the caret under the right character', async () => {
  await chooseLanguage('ja');
  const text = '表示("a")\n表示(1 +)\n';
  await typeProgram(text);
  const got = await runAndRead();
  const want = cli(text, 'ja');
  assert.equal(got.stderr, want.stderr);
  assert.match(got.stderr, /\^/);
});

test('translate shows the program in another language, as the command line translates it', async () => {
  await chooseLanguage('fr');
  await typeProgram(FRENCH);
  await page.click('#tabs button[data-tab="translate"]');
  await page.select('#translate-to', 'ja');
  await page.waitForFunction(() => document.getElementById('translation').dataset.lang === 'ja'
    && document.getElementById('translation').textContent.length > 0);
  const got = await page.$eval('#translation', (e) => e.textContent);
  const file = join(scratch, 'tr.multi');
  writeFileSync(file, FRENCH);
  const want = spawnSync(binary, ['translate', '--lang', 'fr', '--to', 'ja', file], { encoding: 'utf8' });
  assert.equal(got, want.stdout);
  // and the translation runs, printing the same
  await page.click('#translate-open');
  assert.equal(await page.$eval('#lang', (e) => e.value), 'ja');
  const ran = await runAndRead();
  assert.equal(ran.stdout, cli(FRENCH, 'fr').stdout);
});

test('an endless loop can be stopped, and the next program runs', async () => {
  await chooseLanguage('en');
  await typeProgram('i = 0\nwhile True:\n    i = i + 1\n');
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'running');
  await new Promise((r) => setTimeout(r, 500));
  await page.click('#stop');
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'stopped');
  assert.equal(await page.$eval('#run', (e) => e.disabled), false);
  await typeProgram('print("after", 6 * 7)\n');
  const got = await runAndRead();
  assert.equal(got.stdout, 'after 42\n');
});

test('the WebAssembly view shows the module and runs it in the browser\'s engine', async () => {
  await chooseLanguage('fr');
  const text = 'déf triple(n):\n    retour n * 3\n\nafficher(triple(14))\n';
  await typeProgram(text);
  await page.click('#tabs button[data-tab="wasm"]');
  await page.waitForFunction(() => document.getElementById('explain').dataset.ok === '1');
  const wat = await page.$eval('#wat', (e) => e.textContent);
  assert.match(wat, /^\(module/);
  assert.match(wat, /\(func /);
  await page.click('#run-compiled');
  await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('status').dataset.state)
    && !document.getElementById('run').disabled);
  assert.match(await page.$eval('#status', (e) => e.textContent), /ran as WebAssembly/);
  assert.equal(await page.$eval('#output', (e) => e.textContent), cli(text, 'fr').stdout);
  // a program the code generator leaves to the interpreter says why
  await typeProgram('x = {1: 2}\nafficher(x)\n');
  await page.click('#tabs button[data-tab="wasm"]');  // Run switched to the output
  await page.waitForFunction(() => document.getElementById('explain').dataset.ok === '0');
  assert.match(await page.$eval('#explain', (e) => e.textContent), /interpreter only: dict at line 1:5/);
  assert.equal(await page.$eval('#wat', (e) => e.textContent), '');
});

// Mixed mode: the interpreter runs the program, and each function the code generator compiles
// runs in this browser's WebAssembly engine (lists crossing both ways, output from compiled
// code, a localized error raised in compiled code), as `run --backend wasm` does natively.
const MIXED = `déf triple(n):
    retour n * 3

déf somme(xs):
    t = 0
    pour x dans xs:
        t = t + x
    retour t

déf double_tout(xs):
    pour i dans intervalle(len(xs)):
        xs[i] = xs[i] * 2

déf montre(n):
    afficher("n =", n / 4, n * 2)

déf divise(a, b):
    retour a // b

afficher(triple(14))
l = [1, 2, 3]
double_tout(l)
afficher(l, somme(l))
afficher(somme([triple(i) pour i dans intervalle(10)]))
afficher(somme([1, 2, 3.5]))
montre(3)
afficher(divise(7, 2))
afficher(divise(1, 0))
`;

test('functions that compile run as WebAssembly inside an interpreted run, as --backend wasm --explain says', async () => {
  await chooseLanguage('fr');
  await page.select('#backend', 'wasm');
  await typeProgram(MIXED);
  const got = await runAndRead();
  const want = cli(MIXED, 'fr', ['--backend', 'wasm', '--explain']);
  // the command line prints the explanation after the error
  const error = want.stderr.slice(0, want.stderr.indexOf('\ntriple') + 1);
  const explain = want.stderr.slice(error.length);
  assert.equal(got.stdout, want.stdout);
  assert.equal(got.stderr, error);
  assert.match(got.stderr, /ZeroDivisionError|division/);
  const shown = await page.$eval('#run-explain', (e) => e.textContent);
  assert.equal(shown, explain);
  for (const f of ['triple(int)', 'somme(list[int])', 'double_tout(list[int])', 'montre(int)', 'divise(int, int)'])
    assert.match(shown, new RegExp(`^${f.replace(/[()[\]]/g, '\\$&')}: wasm`, 'm'));
  assert.match(await page.$eval('#run-wat', (e) => e.textContent), /\(func /);
  // the interpreter alone prints the same, and says so
  await page.select('#backend', 'python');
  const alone = await runAndRead();
  assert.equal(alone.stdout, want.stdout);
  assert.equal(alone.stderr, error);
  assert.match(await page.$eval('#run-explain', (e) => e.textContent), /interpreter/);
  await page.select('#backend', 'auto');
});

// Start-up, reported (timings are never asserted): a first visit with an empty cache, then
// reloads and a second visit, in a browser of its own with a profile on disk (as a visitor's: the
// browser keeps the code it compiled from the .wasm only there). What is asserted is what makes
// a warm start possible: after the first visit, no byte of the interpreter's .wasm crosses the
// network (it comes from the browser's cache, without even a request to revalidate it).
test('start-up time is reported, and a warm start downloads no wasm', async (t) => {
  const puppeteer = createRequire(import.meta.url)(puppeteerDir);
  const own = await puppeteer.launch({
    executablePath: chromium, headless: true, userDataDir: mkdtempSync(join(scratch, 'profile-')),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const report = [], wasmBytes = [];
  try {
    const p = await own.newPage();
    const measure = async (label, go) => {
      await go();
      await p.waitForSelector('body[data-ready]', { timeout: 60000 });
      // Performance timing read from the page: navigation start to Run enabled, and what the
      // .wasm cost on the wire (transferSize 0: from the cache; a revalidation counts its headers).
      const r = await p.evaluate(() => {
        // (the program's worker fetches the .wasm: the page lists what that worker fetched)
        const wasm = [...performance.getEntriesByType('resource'), ...JSON.parse(document.body.dataset.workerResources)]
          .find((e) => /playground\.wasm/.test(e.name));
        const nav = performance.getEntriesByType('navigation')[0];
        return { ready: Number(document.body.dataset.ready), times: document.body.dataset.times,
          wasm: wasm ? wasm.transferSize : -1, wasmBody: wasm ? wasm.encodedBodySize : -1,
          dom: Math.round(nav.domContentLoadedEventEnd) };
      });
      report.push(`${label}: ready in ${r.ready} ms (DOMContentLoaded ${r.dom} ms), playground.wasm ` +
        `${r.wasm} bytes transferred (${r.wasmBody} encoded), ${r.times}`);
      wasmBytes.push(r.wasm);
    };
    await measure('first visit (empty cache)', () => p.goto(base));
    for (let i = 1; i <= 3; ++i) await measure(`reload ${i}`, () => p.reload());
    for (let i = 1; i <= 2; ++i) {
      await p.goto('about:blank');
      await measure(`visit again ${i}`, () => p.goto(base));
    }
  } finally {
    await own.close();
  }
  for (const line of report) {
    t.diagnostic(line);
    process.stdout.write(`# start-up: ${line}\n`);
  }
  assert.equal(report.length, 6);
  assert.ok(wasmBytes[0] > 0, `the first visit downloaded the wasm: ${report[0]}`);
  for (const [i, n] of wasmBytes.entries()) if (i > 0) assert.equal(n, 0, report[i]);
});

test('the program travels in the link', async () => {
  await chooseLanguage('fr');
  await typeProgram(FRENCH);
  await runAndRead();
  const url = page.url();
  assert.match(url, /#lang=fr&code=/);
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.evaluate(() => window.playground.source()), FRENCH);
  assert.equal(await page.$eval('#lang', (e) => e.value), 'fr');
});

test('every corpus program prints in the page what the command line prints', async () => {
  await open();
  const corpus = join(root, 'tests/corpus');
  const entries = readFileSync(join(corpus, 'LANGS'), 'utf8').split('\n')
    .map((l) => l.trim().split(/\s+/)).filter((p) => p.length === 2 && !p[0].startsWith('cli_tool_'));
  const failures = [];
  for (const [file, lang] of entries) {
    const source = readFileSync(join(corpus, file), 'utf8');
    await chooseLanguage(lang);
    await page.evaluate((s) => window.playground.setSource(s), source);
    const got = await runAndRead(false);
    const want = cli(source, lang);
    if (got.stdout !== want.stdout || got.stderr !== want.stderr) failures.push(file);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${entries.length} differ`);
});
