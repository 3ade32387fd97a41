// The parts of CodeMirror 6 the playground uses, bundled into dist/editor.js by
// scripts/build-web.sh (esbuild), so the page loads one file and needs no network.
export { EditorState, Compartment } from '@codemirror/state';
export {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  Decoration,
} from '@codemirror/view';
export { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
export {
  StreamLanguage, syntaxHighlighting, HighlightStyle, indentUnit, bracketMatching,
} from '@codemirror/language';
export { tags } from '@lezer/highlight';
export { StateEffect, StateField } from '@codemirror/state';
