// Built browser code (npm run build): the public sealing script and the workspace bundle.
// If the build is missing, public pages still work: they fall back to sealing on the server.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The project folder: the nearest parent with package.json (works from src/ and from dist/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const DIST = join(projectRoot(), 'dist', 'web');

let publicScript: { body: Buffer; url: string } | null | undefined;

export function loadPublicScript(): { body: Buffer; url: string } | null {
  if (publicScript === undefined) {
    const file = join(DIST, 'public', 'vigil.js');
    if (existsSync(file)) {
      const body = readFileSync(file);
      publicScript = { body, url: `/assets/vigil.js?v=${createHash('sha256').update(body).digest('hex').slice(0, 12)}` };
    } else {
      publicScript = null;
    }
  }
  return publicScript;
}

export const publicScriptUrl = (): string | null => loadPublicScript()?.url ?? null;

export function workspaceIndex(): string | null {
  const file = join(DIST, 'app', 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
