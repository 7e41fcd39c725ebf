// The page's line to the linkage worker: requests out, replies matched back to their callers,
// progress passed on. Started on first use; where workers are unavailable, the same code
// (link-session.ts) runs on the page's thread. Once stopped (the workspace locked) it stays
// stopped: a run still opening names when the lock came cannot start a new worker and hand
// them to it.
import type { LinkReply, LinkRequest } from './link-session.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { linkageWords } from './words.ts';

export type LinkProgressReply = Extract<LinkReply, { type: 'progress' }>;
type Job = { resolve: (reply: LinkReply) => void; reject: (error: Error) => void };
type Endpoint = { send(request: LinkRequest): void; stop(): void };

export const LOCKED = 'locked';

export class LinkChannel {
  private endpoint: Promise<Endpoint> | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;
  private stopped = false;

  constructor(private readonly onProgress: (progress: LinkProgressReply) => void) {}

  /** Sends one request and waits for its reply; refused once the channel is stopped. */
  async ask(request: Exclude<LinkRequest, { type: 'forget' }>): Promise<LinkReply> {
    const endpoint = await this.connect();
    if (this.stopped) throw new Error(LOCKED); // stopped while the worker was starting
    const job = this.nextJob++;
    return new Promise<LinkReply>((resolve, reject) => {
      this.jobs.set(job, { resolve, reject });
      endpoint.send({ ...request, job });
    });
  }

  /** Ends the worker (its memory, names and all, goes with it) and refuses every later request. */
  stop(): void {
    this.stopped = true;
    void this.endpoint?.then((e) => e.stop());
    this.endpoint = null;
    this.failAll(LOCKED);
  }

  private connect(): Promise<Endpoint> {
    if (this.stopped) return Promise.reject(new Error(LOCKED));
    this.endpoint ??= this.start();
    return this.endpoint;
  }

  private async start(): Promise<Endpoint> {
    try {
      const worker = new Worker(new URL('./link-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<LinkReply>) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.failAll(translator(linkageWords, currentLanguage())('workerStopped'));
      };
      return { send: (request) => worker.postMessage(request), stop: () => worker.terminate() };
    } catch {
      const { LinkSession } = await import('./link-session.ts');
      const session = new LinkSession((reply) => this.receive(reply));
      let stopped = false; // a request still queued when the lock came is not run
      return {
        send: (request) => setTimeout(() => stopped || session.handle(request)),
        stop: () => {
          stopped = true;
          session.handle({ type: 'forget' });
        },
      };
    }
  }

  private receive(reply: LinkReply): void {
    if (reply.type === 'progress') return this.onProgress(reply);
    const job = this.jobs.get(reply.job);
    this.jobs.delete(reply.job);
    if (reply.type === 'failed') job?.reject(new Error(reply.message));
    else job?.resolve(reply);
  }

  private failAll(message: string): void {
    for (const job of this.jobs.values()) job.reject(new Error(message));
    this.jobs.clear();
  }
}
