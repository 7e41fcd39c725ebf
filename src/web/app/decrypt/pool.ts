// Opens many reports in parallel: one worker per core (at most 4), batches handed out as workers
// become free, results delivered in the order asked. Falls back to the main thread where
// workers are unavailable. forget() zeroes the workers' key copies and stops them.
import type { Keyring } from '../../../core/keyring.ts';
import { openReportAnswers, type OpenResult } from './open.ts';

type Item = { id: string; keyId: string; envelope: string };
const BATCH = 250;

export class DecryptPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private waiting: (() => void)[] = [];
  private pending = new Map<number, (results: OpenResult[]) => void>();
  private nextJob = 1;

  constructor(private readonly keyring: Keyring) {
    const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    try {
      for (let i = 0; i < count; i++) {
        const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (event: MessageEvent<{ job: number; results: OpenResult[] }>) => {
          this.pending.get(event.data.job)?.(event.data.results);
          this.pending.delete(event.data.job);
          this.release(worker);
        };
        worker.postMessage({ type: 'keys', keys: [...keyring].map(([id, key]) => [id, key.slice()]) });
        this.workers.push(worker);
        this.idle.push(worker);
      }
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

  private async openBatch(items: Item[]): Promise<OpenResult[]> {
    if (this.workers.length === 0) return Promise.all(items.map((item) => openReportAnswers(item, this.keyring)));
    const worker = await this.acquire();
    const job = this.nextJob++;
    return new Promise((resolve) => {
      this.pending.set(job, resolve);
      worker.postMessage({ type: 'open', job, items });
    });
  }

  /** Opens every item; `onBatch` sees each batch as soon as it (and every batch before it) is done. */
  async openAll(items: Item[], onBatch: (results: OpenResult[]) => void): Promise<void> {
    const batches: Promise<OpenResult[]>[] = [];
    for (let i = 0; i < items.length; i += BATCH) batches.push(this.openBatch(items.slice(i, i + BATCH)));
    for (const batch of batches) onBatch(await batch);
  }

  forget(): void {
    for (const worker of this.workers) {
      worker.postMessage({ type: 'forget' });
      worker.terminate();
    }
    this.workers = [];
    this.idle = [];
  }
}
