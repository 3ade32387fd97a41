// Syntax highlighting from a language pack: its keyword spellings (multi-word ones such as
// "sinon si" included, longest first) and its builtin names, as a CodeMirror stream language.
import { StreamLanguage } from './dist/editor.js';

const WORD = /[\p{L}\p{M}\p{N}_]/u;
// Scripts written without spaces between words: a keyword there may touch the next word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function escape(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

// One sticky regex matching any of `words` at the position, longest first; a word ending in a
// spaced script must not run on into a longer name.
function alternation(words) {
  const uniq = [...new Set(words)].filter((w) => w).sort((a, b) => b.length - a.length);
  if (!uniq.length) return null;
  const parts = uniq.map((w) => {
    const body = w.split(/\s+/).map(escape).join('\\s+');
    return UNSPACED.test(w.slice(-1)) ? body : `${body}(?![\\p{L}\\p{M}\\p{N}_])`;
  });
  return new RegExp(`(?:${parts.join('|')})`, 'uy');
}

export function packLanguage(pack) {
  const kw = alternation(pack ? pack.keywords : []);
  const builtins = alternation(pack ? pack.builtins : []);
  const at = (re, stream) => {
    if (!re) return null;
    re.lastIndex = stream.pos;
    const m = re.exec(stream.string);
    return m ? m[0] : null;
  };
  return StreamLanguage.define({
    name: 'multilingual-' + (pack ? pack.code : 'plain'),
    startState: () => ({ quote: null }),
    token(stream, state) {
      if (state.quote) {  // inside a triple-quoted string that began on an earlier line
        if (stream.skipTo(state.quote)) { stream.pos += 3; state.quote = null; } else stream.skipToEnd();
        return 'string';
      }
      if (stream.eatSpace()) return null;
      const ch = stream.peek();
      if (ch === '#') { stream.skipToEnd(); return 'comment'; }
      const str = stream.match(/^[rRbBfFuU]{0,2}("""|'''|"|'|«|「|“)/, false);
      if (str) {
        stream.match(/^[rRbBfFuU]{0,2}/);
        const open = str[1];
        stream.pos += open.length;
        if (open.length === 3) {
          if (stream.skipTo(open)) stream.pos += 3; else { state.quote = open; stream.skipToEnd(); }
          return 'string';
        }
        const close = { '«': '»', '「': '」', '“': '”' }[open] || open;
        while (!stream.eol()) {
          const c = stream.next();
          if (c === '\\') stream.next();
          else if (c === close) break;
        }
        return 'string';
      }
      if (stream.match(/^\p{N}[\p{N}_]*(\.[\p{N}_]*)?([eE][+-]?\p{N}+)?j?/u)) return 'number';
      const k = at(kw, stream);
      if (k) { stream.pos += k.length; return 'keyword'; }
      const b = at(builtins, stream);
      if (b) { stream.pos += b.length; return 'builtin'; }
      if (WORD.test(ch)) {
        // a name: up to the next character that is not part of one, or a keyword that starts
        // inside a run of unspaced script
        stream.next();
        while (!stream.eol() && WORD.test(stream.peek())) {
          if (UNSPACED.test(stream.peek()) && (at(kw, stream) || at(builtins, stream))) break;
          stream.next();
        }
        return 'variableName';
      }
      stream.next();
      return /[()[\]{}]/.test(ch) ? 'bracket' : 'operator';
    },
    languageData: { commentTokens: { line: '#' } },
  });
}
