// The editor's error marker: the line of a located error, and the character the error's caret
// points at (columns count code points, as the interpreter's messages do).
import { Decoration, EditorView, StateEffect, StateField } from './dist/editor.js';

export const setError = StateEffect.define();

const lineDeco = Decoration.line({ class: 'cm-error-line' });
const charDeco = Decoration.mark({ class: 'cm-error-mark' });

function decorations(doc, err) {
  if (!err || err.line < 1 || err.line > doc.lines) return Decoration.none;
  const line = doc.line(err.line);
  const ranges = [lineDeco.range(line.from)];
  const chars = [...line.text];
  if (err.col >= 1 && err.col <= chars.length) {
    const from = line.from + chars.slice(0, err.col - 1).join('').length;
    ranges.push(charDeco.range(from, from + chars[err.col - 1].length));
  }
  return Decoration.set(ranges, true);
}

export const errorMarks = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) if (e.is(setError)) return decorations(tr.state.doc, e.value);
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});
