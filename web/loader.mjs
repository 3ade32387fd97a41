// Runs a program built with `multilingual build FILE -o out.wasm`.
//   node web/loader.mjs out.wasm        (prints to stdout, errors to stderr, exit code 1)
//   import { runWasm } from './loader.mjs'   (browsers: see index.html)
// The host imports are those of src/wasm/host_imports.h (tests/wasm/host_imports_test.cpp
// checks the `env` below names exactly those): env.print_i64/print_f64/print_bool/print_str (and env.fmod/env.pow when
// it uses float % or **, env.f64_repr(x, buf) -> length when it turns a float into a str), exports `memory` and `_start`; on an error it sets the exported
// globals ml_err (1 ZeroDivisionError, 2/3 IndexError, 4 overflow beyond 64 bits,
// 5 a case compiled code does not handle, 6 out of memory, 7 recursion too deep,
// 8/9 IndexError on a string/tuple, 10-14 ZeroDivisionError of float /, float //, float %, int //, int %) and
// ml_err_line, then traps.
// The custom section "ml.messages" holds the error texts in the program's language.

// Python's repr(float): shortest round-trip digits, exponent form below 1e-4 and from 1e16.
export function pyFloatRepr(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant, expText] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const decpt = parseInt(expText, 10) + 1;
  let out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) out = '0.' + '0'.repeat(-decpt) + digits;
    else if (decpt >= digits.length) out = digits + '0'.repeat(decpt - digits.length) + '.0';
    else out = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '');
    const e = decpt - 1;
    out += (e < 0 ? 'e-' : 'e+') + String(Math.abs(e)).padStart(2, '0');
  }
  return sign + out;
}

// C's pow() where JavaScript's Math.pow differs (1 ** nan, (-1) ** inf).
function cPow(a, b) {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && !Number.isFinite(b) && !Number.isNaN(b)) return 1;
  return Math.pow(a, b);
}

const ERRORS = {
  1: ['ZeroDivisionError', 'division_by_zero'],
  2: ['IndexError', 'index_out_of_range'],
  3: ['IndexError', null, 'list assignment index out of range'],
  4: ['OverflowError', null, 'integer beyond 64 bits: run this program with the interpreter'],
  5: ['RuntimeError', null, 'a value compiled code does not handle: run this program with the interpreter'],
  6: ['MemoryError', null, 'out of linear memory'],
  8: ['IndexError', 'string_index_out_of_range', 'string index out of range'],
  9: ['IndexError', 'tuple_index_out_of_range', 'tuple index out of range'],
  10: ['ZeroDivisionError', 'float_division_by_zero', 'float division by zero'],
  11: ['ZeroDivisionError', 'float_floor_division_by_zero', 'float floor division by zero'],
  12: ['ZeroDivisionError', 'float_modulo', 'float modulo'],
  13: ['ZeroDivisionError', 'integer_division_or_modulo_by_zero', 'integer division or modulo by zero'],
  14: ['ZeroDivisionError', 'integer_modulo_by_zero', 'integer modulo by zero'],
};

// Runs the module's bytes; `write(text)` receives everything printed. Resolves to
// { ok: true } or { ok: false, error: 'ZeroDivisionError: division by zero', line }.
export async function runWasm(bytes, write) {
  const module = await WebAssembly.compile(bytes);
  let messages = {};
  const sections = WebAssembly.Module.customSections(module, 'ml.messages');
  if (sections.length) messages = JSON.parse(new TextDecoder().decode(sections[0]));
  let memory = null;
  const decoder = new TextDecoder();
  const env = {
    print_i64: (v) => write(v.toString()),
    print_f64: (x) => write(pyFloatRepr(x)),
    print_bool: (b) => write(b ? 'True' : 'False'),
    print_str: (p, n) => write(decoder.decode(new Uint8Array(memory.buffer, p, n))),
    f64_repr: (x, p) => {  // str(float): Python's repr, ASCII, written at p
      const text = pyFloatRepr(x);
      for (let i = 0; i < text.length; i++) new Uint8Array(memory.buffer)[p + i] = text.charCodeAt(i);
      return text.length;
    },
    fmod: (a, b) => a % b,
    pow: cPow,
    sin: Math.sin,
    cos: Math.cos,
    tan: Math.tan,
    exp: Math.exp,
    atan: Math.atan,
  };
  const wanted = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module !== 'env' || !(imp.name in env)) throw new Error(`unknown import ${imp.module}.${imp.name}`);
    wanted[imp.name] = env[imp.name];
  }
  const instance = await WebAssembly.instantiate(module, { env: wanted });
  memory = instance.exports.memory;
  const start = instance.exports._start || instance.exports.main;
  try {
    start();
    return { ok: true };
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError) && !(e instanceof RangeError)) throw e;
    const code = instance.exports.ml_err ? instance.exports.ml_err.value : 0;
    // ml_err_line: the line in the low 20 bits, the column above (codegen.h, pos_code)
    const line = instance.exports.ml_err_line ? instance.exports.ml_err_line.value & 0xfffff : 0;
    let error;
    if (code === 0) {
      error = e instanceof RangeError ? `${messages.RecursionError || 'RecursionError'}: ${messages.recursion || e.message}`
                                      : `RuntimeError: ${e.message}`;
    } else if (code === 7) {
      error = `${messages.RecursionError || 'RecursionError'}: ${messages.recursion || 'maximum recursion depth exceeded'}`;
    } else {
      const [cls, id, fixed] = ERRORS[code] || ['RuntimeError', null, `error ${code}`];
      error = `${messages[cls] || cls}: ${(id && messages[id]) || fixed || id}`;
    }
    return { ok: false, error, line };
  }
}

// node web/loader.mjs out.wasm
if (typeof process !== 'undefined' && process.versions && process.versions.node) {
  const { pathToFileURL } = await import('node:url');
  if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const { readFile } = await import('node:fs/promises');
    if (process.argv.length < 3) {
      process.stderr.write('usage: node loader.mjs program.wasm\n');
      process.exit(2);
    }
    let bytes;
    try {
      bytes = await readFile(process.argv[2]);
    } catch (e) {
      process.stderr.write(`cannot read ${process.argv[2]}: ${e.message}\n`);
      process.exit(2);
    }
    try {
      const r = await runWasm(bytes, (t) => process.stdout.write(t));
      if (!r.ok) {
        process.stderr.write(`${r.error}${r.line ? ` (line ${r.line})` : ''}\n`);
        process.exitCode = 1;
      }
    } catch (e) {
      process.stderr.write(`not a runnable program: ${e.message}\n`);
      process.exitCode = 2;
    }
  }
}
