// The house's rules (README "Architecture"), measured on the tree as it stands: small files, short
// functions, and server and workspace side by side over core — neither imports the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { breaches, MOST_FILE_LINES, MOST_FUNCTION_LINES } from '../scripts/house.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

test(`no file in src/ over ${MOST_FILE_LINES} lines but a declarative table, no function over ${MOST_FUNCTION_LINES}, no import between server and web`, () => {
  const found = breaches(root).map((b) => `${b.file}:${b.line} ${b.what}`);
  assert.deepEqual(found, []);
});

test('the measure sees what it must: a long function, a long file and a crossing import are breaches; words and field tables are not', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-house-'));
  try {
    mkdirSync(join(dir, 'src/server/a'), { recursive: true });
    mkdirSync(join(dir, 'src/web/app'), { recursive: true });
    mkdirSync(join(dir, 'src/core/records/fields'), { recursive: true });
    const body = Array.from({ length: MOST_FUNCTION_LINES }, (_, i) => `  const v${i} = ${i};`).join('\n');
    writeFileSync(join(dir, 'src/server/a/long.ts'), `export function long() {\n${body}\n}\n`);
    writeFileSync(join(dir, 'src/server/a/cross.ts'), `import { x } from '../../web/app/x.ts';\nexport const y = x;\n`);
    writeFileSync(join(dir, 'src/web/app/x.ts'), `export const x = 1;\n${'// line\n'.repeat(MOST_FILE_LINES)}`);
    writeFileSync(join(dir, 'src/web/app/words.ts'), `export const en = 1;\n${'// line\n'.repeat(MOST_FILE_LINES)}`);
    writeFileSync(join(dir, 'src/core/records/fields/person.ts'), `export const person = 1;\n${'// line\n'.repeat(MOST_FILE_LINES)}`);
    const found = breaches(dir).map((b) => `${b.file} ${b.what}`).sort();
    assert.deepEqual(found, [
      `src/server/a/cross.ts imports src/web/app/x.ts across from src/server/`,
      `src/server/a/long.ts function long has ${MOST_FUNCTION_LINES + 2} lines`,
      `src/web/app/x.ts file has ${MOST_FILE_LINES + 1} lines`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
