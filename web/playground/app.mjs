// The playground page: the editor, the language picker, Run/Stop, output, Translate, the
// shareable link. Programs run in a worker (worker.js) holding the wasm32 interpreter, started
// by start.mjs before this module's imports have loaded; a second worker answers detection and
// translation while a program runs.
import * as start from './start.mjs';
import * as CM from './dist/editor.js';
import { packLanguage } from './highlight.mjs';
import { EXAMPLES } from './examples.mjs';
import { Engine } from './engine_client.mjs';
import { errorMarks, setError } from './error_marks.mjs';

const $ = (id) => document.getElementById(id);
const RTL = new Set(['ar', 'he', 'fa', 'ur']);
const ui = {
  lang: $('lang'), detected: $('detected'), example: $('example'), run: $('run'), stop: $('stop'),
  share: $('share'), status: $('status'), output: $('output'), to: $('translate-to'),
  translation: $('translation'), open: $('translate-open'),
  runCompiled: $('run-compiled'), explain: $('explain'), wat: $('wat'),
  backend: $('backend'), runExplain: $('run-explain'), runWat: $('run-wat'),
};

let module = null, urls = null, tools = null, runner = null;
let packs = new Map();
let detected = 'en';
let running = null;  // {started} while a program runs

function status(state, text) {
  ui.status.dataset.state = state;
  ui.status.textContent = text;
}

// ---------------------------------------------------------------- the link
function encode(s) {
  let bin = '';
  new TextEncoder().encode(s).forEach((b) => { bin += String.fromCharCode(b); });
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function decode(t) {
  const bin = atob(t.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
function fromFragment() {
  const p = new URLSearchParams(location.hash.slice(1));
  let code = null;
  try { code = p.has('code') ? decode(p.get('code')) : null; } catch { code = null; }
  return { lang: p.get('lang'), code };
}
function linkFor(source, lang) {
  return `${location.origin}${location.pathname}#lang=${encodeURIComponent(lang)}&code=${encode(source)}`;
}

// ---------------------------------------------------------------- the editor
const languageSlot = new CM.Compartment();
const directionSlot = new CM.Compartment();
const style = CM.HighlightStyle.define([
  { tag: CM.tags.keyword, color: '#7c3aed', fontWeight: '600' },
  { tag: CM.tags.standard(CM.tags.variableName), color: '#0369a1' },
  { tag: CM.tags.string, color: '#15803d' },
  { tag: CM.tags.number, color: '#b45309' },
  { tag: CM.tags.comment, color: '#6b7280', fontStyle: 'italic' },
]);
let detectTimer = 0;
const view = new CM.EditorView({
  parent: $('editor'),
  state: CM.EditorState.create({
    doc: '',
    extensions: [
      CM.lineNumbers(), CM.highlightActiveLineGutter(), CM.history(), CM.drawSelection(),
      CM.highlightActiveLine(), CM.bracketMatching(), CM.indentUnit.of('    '),
      CM.keymap.of([{ key: 'Mod-Enter', run: () => { run(); return true; } },
        ...CM.defaultKeymap, ...CM.historyKeymap, CM.indentWithTab]),
      CM.syntaxHighlighting(style), languageSlot.of([]), directionSlot.of([]), errorMarks,
      CM.EditorView.perLineTextDirection.of(true),
      CM.EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        clearTimeout(detectTimer);
        detectTimer = setTimeout(onSourceChanged, 250);
      }),
    ],
  }),
});
const source = () => view.state.doc.toString();
function setSource(text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

// The language the program is taken to be written in: the picker's, or the detected one.
const currentLang = () => (ui.lang.value === 'auto' ? detected : ui.lang.value);

function applyLanguage() {
  const code = currentLang();
  const rtl = RTL.has(code);
  view.dispatch({
    effects: [
      languageSlot.reconfigure(packLanguage(packs.get(code))),
      directionSlot.reconfigure(CM.EditorView.editorAttributes.of({ dir: rtl ? 'rtl' : 'ltr' })),
    ],
  });
  document.documentElement.dataset.lang = code;
  // Output stays left-to-right, as in a terminal: an error's caret line counts columns from
  // the left, under the source line printed above it.
  ui.output.dir = 'ltr';
  ui.translation.dir = RTL.has(ui.to.value) ? 'rtl' : 'auto';
}

// Debounced after edits; the error marker is not touched here (errorMarks drops it on the edit
// itself), or a run finishing within the debounce would lose its marker.
async function onSourceChanged() {
  if (ui.lang.value === 'auto' && tools) {
    const code = await tools.request({ type: 'detect', source: source() });
    const p = packs.get(code);
    ui.detected.textContent = p ? `detected: ${p.name} (${code})` : '';
    ui.detected.dataset.lang = code;
    if (code !== detected) { detected = code; applyLanguage(); }
  }
  if (activeTab() === 'translate') translate();
  if (activeTab() === 'wasm') compile();
}

// ---------------------------------------------------------------- running
function print(text, cls) {
  const span = document.createElement('span');
  if (cls) span.className = cls;
  span.textContent = text;
  ui.output.appendChild(span);
  ui.output.scrollTop = ui.output.scrollHeight;
}

async function run(compiled = false) {
  if (running || !module) return;  // (module: set once the worker is ready)
  const text = source();
  history.replaceState(null, '', linkFor(text, ui.lang.value));
  ui.output.textContent = '';
  view.dispatch({ effects: setError.of(null) });
  selectTab('output');
  running = { started: performance.now() };
  ui.run.disabled = true;
  ui.stop.disabled = false;
  status('running', 'running…');
  const onOut = (fd, t) => print(t, fd === 2 ? 'err' : null);
  const r = compiled === true
    ? await runner.request({ type: 'runCompiled', source: text, lang: ui.lang.value }, onOut)
    : await runner.run(text, ui.lang.value, onOut, ui.backend.value);
  if (!running) return;  // stopped meanwhile
  const ms = Math.round(performance.now() - running.started);
  running = null;
  ui.run.disabled = false;
  ui.stop.disabled = true;
  if (r.fatal) {
    print(`\n${r.fatal}\n`, 'err');
    status('error', 'the interpreter stopped; it was restarted');
    runner = new Engine(module, urls);
    return;
  }
  if (r.line) view.dispatch({ effects: setError.of({ line: r.line, col: r.col }) });
  if (compiled !== true) showRunExplain(r);
  if (compiled === true && r.compiled === false) print(`not compiled: ${r.reason}\n`, 'note');
  const how = compiled === true ? (r.compiled ? ' · ran as WebAssembly' : '') : '';
  status(r.status === 0 ? 'done' : 'error', `exit ${r.status} · ${ms} ms${how}`);
}

// Where the run's functions ran (the interpreter, or this browser's WebAssembly engine) and why.
function showRunExplain(r) {
  const backend = ui.backend.value;
  ui.runExplain.textContent = backend === 'python'
    ? 'every function ran on the interpreter (backend: interpreter only)'
    : (r.explain || 'no function of the program was called');
  ui.runExplain.dataset.backend = backend;
  ui.runWat.textContent = r.wat || '';
  const compiled = (r.explain || '').split('\n').filter((l) => /: wasm\b/.test(l)).length;
  ui.runExplain.dataset.compiled = String(compiled);
}

function stop() {
  if (!running) return;
  running = null;
  runner.terminate();
  runner = new Engine(module, urls);  // from the compiled module: no download, no compile
  print('\n■ stopped\n', 'note');
  ui.run.disabled = false;
  ui.stop.disabled = true;
  status('stopped', 'stopped');
}

// ---------------------------------------------------------------- tabs, translate, examples
function activeTab() { return document.querySelector('#tabs .active').dataset.tab; }
function selectTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t.id === 'tab-' + name);
  if (name === 'translate') translate();
  if (name === 'wasm') compile();
}

// What `multilingual build` makes of the program: the functions compiled, or the first
// construct that keeps it on the interpreter, and the module's text.
async function compile() {
  if (!tools) return;
  const r = await tools.request({ type: 'compile', source: source(), lang: currentLang() });
  ui.explain.classList.toggle('no', !r.ok);
  ui.explain.textContent = r.ok
    ? `compiles to WebAssembly: ${r.functions.length ? r.functions.join(', ') : 'top-level code'}`
    : `runs on the interpreter only: ${r.reason || r.error}`;
  ui.explain.dataset.ok = r.ok ? '1' : '0';
  ui.wat.textContent = r.ok ? r.wat : '';
}

async function translate() {
  if (!tools) return;
  const r = await tools.request({ type: 'translate', source: source(), from: currentLang(), to: ui.to.value });
  ui.translation.dir = RTL.has(ui.to.value) ? 'rtl' : 'auto';
  ui.translation.classList.toggle('err', !!r.error);
  ui.translation.textContent = r.error || r.text;
  ui.translation.dataset.lang = ui.to.value;
}

// The examples in every language come translated with the page (dist/page.json).
function showExample(i) {
  const inLang = pageData.examples[currentLang()];
  setSource(inLang ? inLang[i] : EXAMPLES[i].source);
}

// ---------------------------------------------------------------- start
function fillLanguages(list) {
  packs = new Map(list.map((p) => [p.code, p]));
  for (const p of list) {
    const label = p.name === p.english_name ? p.name : `${p.name} — ${p.english_name}`;
    ui.lang.add(new Option(label, p.code));
    ui.to.add(new Option(label, p.code));
  }
}

// Start-up, in the order a visitor sees it: start.mjs has started the program's worker (which
// compiles the interpreter as it downloads, fetches the packs and imports the module's
// JavaScript half) and asked for the page's data; the data (languages, examples, computed at
// build time) fills the picker and the editor as soon as both are here. Run is enabled when the
// worker is ready. The second worker (detection, translation) starts after, from the module the
// first compiled, off the path to Run.
let pageData = { languages: [], examples: {} };
async function boot() {
  const { t0 } = start;
  const times = { app: Math.round(performance.now() - t0) };
  const since = (name) => { times[name] = Math.round(performance.now() - t0); };
  runner = start.runner;
  pageData = await start.pageData;
  since('pageData');
  fillLanguages(pageData.languages);
  EXAMPLES.forEach((ex, i) => ui.example.add(new Option(ex.name, String(i))));
  const frag = fromFragment();
  if (frag.lang && (frag.lang === 'auto' || packs.has(frag.lang))) ui.lang.value = frag.lang;
  ui.to.value = currentLang() === 'fr' ? 'en' : 'fr';
  if (frag.code !== null) setSource(frag.code);
  else showExample(0);
  applyLanguage();
  since('shown');

  const r = await runner.ready;
  [module, urls] = await Promise.all([runner.module, start.urls]);
  since('worker');
  for (const [k, v] of Object.entries(r.timings)) times[k] = Math.round(v);
  ui.run.disabled = false;
  // From the navigation's start: what a visitor waits for before the page can run a program.
  const ms = Math.round(performance.now());
  status('ready', `ready in ${ms} ms`);
  document.body.dataset.ready = String(ms);
  document.body.dataset.bootMs = String(Math.round(performance.now() - t0));
  document.body.dataset.times = JSON.stringify(times);
  // The files the worker fetched (the interpreter, the packs), with their bytes on the wire
  // (transferSize 0: from the browser's cache), for the tests and scripts/web_measure.mjs.
  document.body.dataset.workerResources = JSON.stringify(r.resources || []);
  tools = new Engine(module, urls);
  await tools.ready;
  document.body.dataset.tools = String(Math.round(performance.now()));
  // A program from a link in an unnamed language: detected now.
  await onSourceChanged();
}

ui.run.addEventListener('click', () => run());
ui.runCompiled.addEventListener('click', () => run(true));
ui.stop.addEventListener('click', stop);
ui.lang.addEventListener('change', () => { applyLanguage(); onSourceChanged(); });
ui.to.addEventListener('change', translate);
ui.example.addEventListener('change', () => showExample(Number(ui.example.value)));
ui.open.addEventListener('click', () => {
  if (ui.translation.classList.contains('err')) return;
  ui.lang.value = ui.to.value;
  setSource(ui.translation.textContent);
  applyLanguage();
  selectTab('output');
});
ui.share.addEventListener('click', async () => {
  const link = linkFor(source(), ui.lang.value);
  history.replaceState(null, '', link);
  try { await navigator.clipboard.writeText(link); status(ui.status.dataset.state, 'link copied'); } catch { /* no clipboard: the address bar has it */ }
});
for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => selectTab(b.dataset.tab));
window.addEventListener('hashchange', () => {
  const f = fromFragment();
  if (f.code !== null && f.code !== source()) setSource(f.code);
  if (f.lang && (f.lang === 'auto' || packs.has(f.lang))) { ui.lang.value = f.lang; applyLanguage(); }
});

// For tests and the console: the page's state without scraping the editor's DOM.
window.playground = { source, setSource, run, stop, currentLang };

boot().catch((e) => status('error', 'could not start: ' + e.message));
