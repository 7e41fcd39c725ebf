// Every connection costs a file descriptor, and systemd's default soft limit is 1,024. Node itself
// lifts its soft limit to the hard one at start (PlatformInit in node.cc); what is left is the hard
// limit, which only the operator can raise (LimitNOFILE=, ulimit -Hn). We read it so the connection
// cap stays below it and start-up can say what it is.
import { readFileSync } from 'node:fs';

export interface OpenFileLimit {
  soft: number;
  hard: number;
}

/** This process's open-file limit on Linux; null elsewhere (the system's limit stands, unknown to us). */
export function openFileLimit(): OpenFileLimit | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const [soft, hard] = (line?.slice('Max open files'.length).trim().split(/\s+/) ?? []).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
    return soft !== undefined && hard !== undefined && !Number.isNaN(soft) ? { soft, hard } : null;
  } catch {
    return null;
  }
}
