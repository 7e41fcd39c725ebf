// Measures the house's shape against the rules README's architecture section states: no file in
// src/ over 250 lines (declarative tables excepted, each named below with why), no function over
// 80 lines, and no import from the server into the workspace or back. `node --import tsx
// scripts/house.ts` prints what breaks a rule; test/house.test.ts holds the tree to it.
import { parse } from '@babel/parser';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const MOST_FILE_LINES = 250;
export const MOST_FUNCTION_LINES = 80;

/** Files that are tables, not logic: long because the things they list are many. */
export const DECLARATIVE_TABLES: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /(^|\/|-)words\.ts$/, why: 'words in three languages' },
  { pattern: /^src\/core\/documents\/labels\.ts$/, why: 'the documents’ labels in three languages' },
  { pattern: /^src\/server\/storage\/schema\.ts$/, why: "the database's tables as types" },
  { pattern: /^src\/core\/records\/fields\//, why: "a record type's fields" },
];

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod']);
type Node = { type: string; loc: { start: { line: number }; end: { line: number } }; [key: string]: unknown };

export interface Breach {
  file: string;
  line: number;
  what: string;
}

function sourceFiles(root: string, folder = 'src'): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isTable = (file: string) => DECLARATIVE_TABLES.some(({ pattern }) => pattern.test(file));

function nameOf(node: Node, parent: Node | null): string {
  const own = (node.id as { name?: string } | null)?.name ?? (node.key as { name?: string } | null)?.name;
  if (own) return own;
  if (parent?.type === 'VariableDeclarator') return (parent.id as { name?: string }).name ?? '(anonymous)';
  return '(anonymous)';
}

function longFunctions(file: string, text: string): Breach[] {
  const program = parse(text, { sourceType: 'module', plugins: ['typescript', 'jsx'] }).program as unknown as Node;
  const found: Breach[] = [];
  const visit = (node: Node, parent: Node | null) => {
    if (FUNCTION_TYPES.has(node.type)) {
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (lines > MOST_FUNCTION_LINES) found.push({ file, line: node.loc.start.line, what: `function ${nameOf(node, parent)} has ${lines} lines` });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node, node);
      }
    }
  };
  visit(program, null);
  return found;
}

const SIDES = ['src/server/', 'src/web/'] as const;

function crossingImports(root: string, file: string, text: string): Breach[] {
  const side = SIDES.find((s) => file.startsWith(s));
  const other = SIDES.find((s) => s !== side);
  if (!side || !other) return [];
  const found: Breach[] = [];
  text.split('\n').forEach((line, i) => {
    const target = /(?:from|import)\s*\(?\s*'(\.[^']+)'/.exec(line)?.[1];
    if (!target) return;
    const to = relative(root, resolve(root, dirname(file), target));
    if (to.startsWith(other)) found.push({ file, line: i + 1, what: `imports ${to} across from ${side}` });
  });
  return found;
}

/** Everything in src/ that breaks one of the house's rules. */
export function breaches(root: string): Breach[] {
  return sourceFiles(root).flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const tooLong = lines > MOST_FILE_LINES && !isTable(file) ? [{ file, line: 1, what: `file has ${lines} lines` }] : [];
    return [...tooLong, ...longFunctions(file, text), ...crossingImports(root, file, text)];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = breaches(process.cwd());
  for (const b of found) console.log(`${b.file}:${b.line} ${b.what}`);
  console.log(found.length === 0 ? 'The house keeps its rules.' : `${found.length} breaches.`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
