// `npx vigil …` as a child process, as a member runs it: its exit code, stdout and stderr.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const VIGIL = join(import.meta.dirname, '..', '..', 'bin', 'vigil.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `vigil ARGS` with `input` on stdin (English messages); `nodeArgs` go to Node before the script; `env` adds to (or, '', blanks) the environment. */
export function vigil(args: string[], input?: string, nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, VIGIL, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
