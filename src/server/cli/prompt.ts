// Questions on the terminal (vigil export, vigil restore): a passphrase is typed with echo off.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CliFailure } from './failure.ts';

/** Reads a line from the terminal; with `hidden`, nothing typed is shown. */
export function prompt(question: string, hidden: boolean): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    // Not a terminal (piped): read one line as typed.
    const lines = createInterface({ input, terminal: false });
    process.stderr.write(question);
    return new Promise((resolve, reject) => {
      lines.once('line', (line) => {
        resolve(line);
        lines.close();
      });
      lines.once('close', () => reject(new CliFailure('No input to read the answer from.')));
    });
  }
  return new Promise((resolve, reject) => {
    // Echo off before the question shows: whoever answers the moment it appears is not echoed.
    input.setRawMode(hidden);
    process.stderr.write(question);
    let answer = '';
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.off('data', onData);
      if (hidden) input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      if (!hidden) {
        answer += chunk;
        if (/[\r\n]/.test(answer)) {
          answer = answer.replace(/[\r\n][\s\S]*$/, '');
          done();
        }
        return;
      }
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return done();
        if (c === '\u0003') return done(new CliFailure('Cancelled.', 130));
        if (c === '\u007f' || c === '\b') answer = answer.slice(0, -1);
        else answer += c;
      }
    };
    input.on('data', onData);
  });
}

/** The passphrase from --passphrase-file (its last line break dropped), else typed unseen on the terminal. */
export async function askPassphrase(email: string, file: string | undefined): Promise<string> {
  if (file) {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new CliFailure(`Cannot read the passphrase file ${file}.`);
    }
  }
  if (!process.stdin.isTTY) throw new CliFailure('Give --passphrase-file, or run in a terminal to type the passphrase.');
  return prompt(`Passphrase for ${email}: `, true);
}
