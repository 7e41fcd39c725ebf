// A progress bar on stderr, drawn only when stderr is a terminal (a pipe or a log file gets the
// summary line alone), redrawn at most ten times a second.

/** "[#######.............]  35%  350,000 / 1,000,000 rows  52,310 rows/s" */
export function progressLine(done: number, expected: number | null, startedAt: number, unit = 'rows'): string {
  const seconds = (performance.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  const n = (value: number) => value.toLocaleString('en');
  if (!expected) return `${n(done)} ${unit}  ${n(rate)} ${unit}/s`;
  const share = Math.min(1, done / expected);
  const width = 24;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${n(done)} / ${n(expected)} ${unit}  ${n(rate)} ${unit}/s`;
}

export interface TerminalProgress {
  readonly tty: boolean;
  /** Redraws the line unless it was drawn less than 100 ms ago (`force` draws anyway). */
  draw(line: string, force?: boolean): void;
  /** Ends the line, so what follows starts on its own. */
  finish(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): TerminalProgress {
  const tty = stream.isTTY === true;
  let drawnAt = 0;
  let drawn = false;
  return {
    tty,
    draw(line, force = false) {
      if (!tty || (!force && performance.now() - drawnAt < 100)) return;
      drawnAt = performance.now();
      drawn = true;
      stream.write(`\r${line}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
