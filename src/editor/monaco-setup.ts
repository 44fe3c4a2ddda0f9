/**
 * Monaco as this page uses it, loaded only when the editor first shows (dynamic import from monaco.ts), so none of
 * it weighs on the first paint. Only the editor worker, the editor features a Dockerfile editor needs, and a few
 * Monarch languages are bundled: importing `monaco-editor` itself would pull in every language and the
 * TypeScript/CSS/HTML/JSON workers.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// The suggest feature's register only brings inline completions; the completion widget itself is this controller,
// which only Monaco's full entry (editor.main) imports.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { dockerfileCompletions, dockerfileDiagnostics, dockerfileHover, type CompletionKind } from '../../engine/editor.ts';

// Without a getWorker that works, Monaco quietly runs its worker code on the main thread.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const KIND: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  instruction: monaco.languages.CompletionItemKind.Keyword,
  keyword: monaco.languages.CompletionItemKind.Keyword,
  flag: monaco.languages.CompletionItemKind.Property,
  image: monaco.languages.CompletionItemKind.Module,
  tag: monaco.languages.CompletionItemKind.Value,
  stage: monaco.languages.CompletionItemKind.Reference,
  value: monaco.languages.CompletionItemKind.EnumMember,
};

monaco.languages.registerCompletionItemProvider('dockerfile', {
  // A space after FROM, `--` before a flag, `=` after --from, `:` before a tag: where the next word has choices.
  triggerCharacters: [' ', '-', '=', ':'],
  provideCompletionItems(model, position) {
    const c = dockerfileCompletions(model.getValue(), position.lineNumber, position.column);
    const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: c.from, endColumn: c.to };
    return {
      suggestions: c.items.map((item) => ({
        label: item.label,
        kind: KIND[item.kind],
        insertText: item.insertText,
        range,
        ...(item.detail !== undefined ? { detail: item.detail } : {}),
        ...(item.documentation !== undefined ? { documentation: { value: item.documentation } } : {}),
        // Choosing a flag that takes a value goes straight on to the value's own choices (stage names after --from=).
        ...(item.insertText.endsWith('=') || item.insertText.endsWith(' ') ? { command: { id: 'editor.action.triggerSuggest', title: 'Suggest' } } : {}),
      })),
    };
  },
});

monaco.languages.registerHoverProvider('dockerfile', {
  provideHover(model, position) {
    const h = dockerfileHover(model.getValue(), position.lineNumber, position.column);
    if (h === undefined) return null;
    return {
      range: new monaco.Range(position.lineNumber, h.startColumn, position.lineNumber, h.endColumn),
      contents: [{ value: h.markdown }],
    };
  },
});

export { monaco, dockerfileDiagnostics };
