// Finds words a reader would see that were typed into a workspace component instead of a catalog:
// JSX text, user-facing attributes (title, aria-label, placeholder, alt, label) and string literals
// that read like prose. Catalogs (words.ts files) are the only place for them. A literal that is
// not shown to anyone may carry a `// not words` comment on its line.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const SHOWN_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'placeholder', 'alt', 'label', 'summary', 'heading', 'said', 'hint', 'legend']);
const CODE_ATTRIBUTES = new Set(['class', 'className', 'id', 'for', 'htmlFor', 'name', 'type', 'href', 'rel', 'autocomplete', 'autoComplete', 'inputMode', 'inputmode', 'role', 'lang', 'accept', 'pattern', 'key', 'method', 'action', 'target', 'download', 'src', 'form', 'enterKeyHint', 'dir', 'spellcheck', 'aria-keyshortcuts', 'aria-live', 'aria-current', 'aria-controls', 'aria-describedby', 'aria-labelledby', 'aria-haspopup', 'aria-sort', 'aria-invalid', 'aria-expanded', 'aria-pressed', 'viewBox', 'd', 'fill', 'stroke', 'transform', 'textAnchor', 'text-anchor', 'dominantBaseline', 'preserveAspectRatio', 'xmlns', 'capture', 'wrap', 'step', 'min', 'max']);
/** Calls whose string arguments are code, not words (keys, paths, selectors, event names). */
const CODE_CALLS = new Set(['t', 'api', 'apiResponse', 'apiBytes', 'querySelector', 'querySelectorAll', 'getElementById', 'addEventListener', 'removeEventListener', 'get', 'set', 'has', 'delete', 'getItem', 'setItem', 'createElement', 'setAttribute', 'getAttribute', 'startsWith', 'endsWith', 'includes', 'split', 'join', 'replace', 'matchMedia', 'Error', 'TypeError', 'RangeError', 'assertNever', 'toLocaleString', 'toLocaleDateString', 'DateTimeFormat', 'NumberFormat', 'log', 'warn', 'error', 'debug', 'saveFile', 'Blob', 'File', 'padStart', 'indexOf', 'postMessage']);

/** Prose: two words with a space between, or a capitalised word, or a sentence's end. */
const PROSE = /(\p{L}{2,}[ \u00a0]+\p{L}{2,})|^\p{Lu}\p{Ll}{2,}|\p{L}{2,}[.:!?…]$/u;

type Node = { type: string; loc?: { start: { line: number } }; [key: string]: unknown };

export function scanSource(file: string, source: string): Finding[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'], errorRecovery: true }) as unknown as Node;
  const lines = source.split('\n');
  const findings: Finding[] = [];
  const report = (node: Node, text: string) => {
    const line = node.loc?.start.line ?? 0;
    if (/\/\/ not words/.test(lines[line - 1] ?? '')) return;
    findings.push({ file, line, text: text.trim().slice(0, 80) });
  };
  const visit = (node: Node, parent: Node | null, key: string) => {
    if (!node || typeof node !== 'object') return;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'TSLiteralType':
      case 'TSTypeAnnotation':
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
      case 'Directive':
        return;
      case 'JSXText':
        if (/\p{L}{2,}/u.test(node.value as string)) report(node, node.value as string);
        return;
      case 'JSXAttribute': {
        const name = attributeName(node);
        if (CODE_ATTRIBUTES.has(name) || name.startsWith('data-') || name.startsWith('on')) return;
        const value = node.value as Node | null;
        if (value?.type === 'StringLiteral' && (SHOWN_ATTRIBUTES.has(name) ? /\p{L}{2,}/u : PROSE).test(value.value as string)) report(value, value.value as string);
        if (value) visitChildren(value, node);
        return;
      }
      case 'CallExpression':
      case 'NewExpression': {
        const callee = calleeName(node.callee as Node);
        if (CODE_CALLS.has(callee)) {
          visitChildren(node.callee as Node, node);
          for (const arg of node.arguments as Node[]) if (arg.type !== 'StringLiteral' && arg.type !== 'TemplateLiteral') visit(arg, node, 'arguments');
          return;
        }
        break;
      }
      case 'BinaryExpression':
        if (['===', '!==', '==', '!=', 'in'].includes(node.operator as string)) return;
        break;
      case 'SwitchCase':
        for (const s of node.consequent as Node[]) visit(s, node, 'consequent');
        return;
      case 'ObjectProperty':
        if (!node.computed) {
          visit(node.value as Node, node, 'value');
          return;
        }
        break;
      case 'StringLiteral':
        if (PROSE.test(node.value as string)) report(node, node.value as string);
        return;
      case 'TemplateLiteral': {
        const text = (node.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join('{}');
        if (PROSE.test(text.replace(/\{\}/g, ' '))) report(node, text);
        for (const e of node.expressions as Node[]) visit(e, node, 'expressions');
        return;
      }
    }
    visitChildren(node, parent);
    void key;
  };
  const visitChildren = (node: Node, _parent: Node | null) => {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'loc' || k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments' || k === 'extra') continue;
      if (Array.isArray(v)) for (const child of v) child && typeof child === 'object' && visit(child as Node, node, k);
      else if (v && typeof v === 'object' && typeof (v as Node).type === 'string') visit(v as Node, node, k);
    }
  };
  visit(ast, null, 'root');
  return findings;
}

function attributeName(node: Node): string {
  const name = node.name as Node;
  return name.type === 'JSXNamespacedName' ? `${(name.namespace as Node).name}:${(name.name as Node).name}` : (name.name as string);
}

function calleeName(callee: Node): string {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && (callee.property as Node).type === 'Identifier') return (callee.property as Node).name as string;
  return '';
}

/** Every workspace source file but the catalogs. */
export function workspaceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/words\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

export function scanWorkspace(root: string, base: string): Finding[] {
  return workspaceFiles(root).flatMap((file) => scanSource(relative(base, file), readFileSync(file, 'utf8')));
}
