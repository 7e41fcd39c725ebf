// Opens many reports in parallel: one worker per core (at most 4), batches handed out as workers
// have room, results delivered in the order asked. Falls back to the main thread where
// workers are unavailable. forget() zeroes the workers' key copies and stops them.
import type { Keyring } from '../../../core/keyring.ts';
import { openReportAnswers, type OpenResult } from './open.ts';
import { pack, type Item } from './batch.ts';
import { forgetFoldedWords } from '../../../core/report/text.ts';

const BATCH = 250;
const IN_FLIGHT = 2;

const workerCount = () => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
const startWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** Workers started ahead of need, with no keys yet; the next pool takes them. */
let spare: Worker[] = [];

/**
 * Starts the workers while the passphrase is being stretched (Argon2id keeps the page busy for
 * a moment anyway), so they have loaded and compiled by the time the keys are open.
 */
export function startDecryptWorkers(): void {
  if (spare.length > 0) return;
  try {
    for (let i = 0; i < workerCount(); i++) spare.push(startWorker());
  } catch {
    spare = [];
  }
}

/** Stops spare workers that were never given keys (login failed or was abandoned). */
export function stopSpareWorkers(): void {
  for (const worker of spare) worker.terminate();
  spare = [];
}

export class DecryptPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private waiting: (() => void)[] = [];
  private pending = new Map<number, (results: OpenResult[]) => void>();
  private nextJob = 1;

  constructor(private readonly keyring: Keyring) {
    const started = spare;
    spare = [];
    // Reports are sealed to intake keys: the workers get copies of those (and of keys whose purpose
    // is not known yet), never of the records or backup keys.
    const intakeCopies = () => keyring.mayServe('intake').map((key) => ({ ...key, privateKey: key.privateKey.slice() }));
    try {
      for (let i = 0; i < workerCount(); i++) {
        const worker = started[i] ?? startWorker();
        worker.onmessage = (event: MessageEvent<{ job: number; results: OpenResult[] }>) => {
          this.pending.get(event.data.job)?.(event.data.results);
          this.pending.delete(event.data.job);
          this.release(worker);
        };
        worker.postMessage({ type: 'keys', keys: intakeCopies() });
        this.workers.push(worker);
      }
      // Two batches in flight per worker: while the page's main thread is busy (drawing), a
      // worker finishing one batch already has the next instead of waiting to be handed one.
      for (let slot = 0; slot < IN_FLIGHT; slot++) this.idle.push(...this.workers);
    } catch {
      this.forget();
    }
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    this.idle.push(worker);
    next?.();
  }

  private async acquire(): Promise<Worker> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.idle.pop()!;
  }

  private async openBatch(items: Item[], useCache: boolean): Promise<OpenResult[]> {
    if (this.workers.length === 0) return Promise.all(items.map((item) => openReportAnswers(item, this.keyring, undefined, useCache)));
    const worker = await this.acquire();
    const job = this.nextJob++;
    return new Promise((resolve) => {
      this.pending.set(job, resolve);
      const batch = pack(items);
      worker.postMessage({ type: 'open', job, batch, useCache }, [batch.bytes.buffer, batch.ends.buffer, batch.cacheEnds.buffer]);
    });
  }

  /**
   * Opens every item; `onBatch` sees each batch as soon as it (and every batch before it) is done.
   * `useCache: false` opens the envelopes even where a cache entry came along (the later check).
   */
  async openAll(items: Item[], onBatch: (results: OpenResult[]) => void, useCache = true): Promise<void> {
    const batches: Promise<OpenResult[]>[] = [];
    // A few items (the first screen) are spread over every worker; many go in batches of BATCH.
    const size = Math.min(BATCH, Math.ceil(items.length / Math.max(1, this.workers.length)));
    for (let i = 0; i < items.length; i += size) batches.push(this.openBatch(items.slice(i, i + size), useCache));
    for (const batch of batches) onBatch(await batch);
  }

  forget(): void {
    for (const worker of this.workers) {
      worker.postMessage({ type: 'forget' });
      worker.terminate();
    }
    this.workers = [];
    this.idle = [];
    // Where there were no workers, the page itself folded the reports' words.
    forgetFoldedWords();
  }
}
