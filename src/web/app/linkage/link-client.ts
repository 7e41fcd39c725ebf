// The page's side of linkage: loads the people (people.ts), hands them to the linkage worker and
// keeps the session's last run — the Possible duplicates page, the counts on other pages and the
// add-person warning all read it. Held by the vault: locking stops the worker and drops it all.
// Nothing here is sent to the server but the decisions' record ids (decisions-client.ts).
import { useEffect, useState } from 'preact/hooks';
import type { Forgettable, Vault } from '../vault.ts';
import { ROLE_KEYS } from '../../../core/api/schemas.ts';
import type { LinkStage, Suggestion } from '../../../core/linkage/link.ts';
import type { LinkagePerson } from '../../../core/linkage/compare.ts';
import type { DecisionsAnswer } from '../../../core/linkage/decisions.ts';
import { decidedSets, isDecided, loadDecisions } from './decisions-client.ts';
import { linkageFields, loadLinkagePeople, type LinkageRecord } from './people.ts';
import type { LinkReply, LinkRequest } from './link-session.ts';

export interface LinkRun {
  /** Everyone linked, oldest record first; `clusterOf` is in this order. */
  people: LinkageRecord[];
  byId: Map<string, LinkageRecord>;
  clusterOf: Int32Array;
  suggestions: Suggestion[];
  pairsCompared: number;
  /** The decisions as they stood, with this session's own added as they are made. */
  decisions: DecisionsAnswer;
}

export interface LinkProgress {
  stage: 'loading' | LinkStage;
  done: number;
  total: number;
}

/** Only members holding the records key can read names, so only they link. */
export const canLink = (vault: Vault): boolean => ROLE_KEYS[vault.me.role].includes('records');

type Job = { resolve: (reply: LinkReply) => void; reject: (error: Error) => void };
type Channel = { send(request: LinkRequest): void; stop(): void };

export class Linker implements Forgettable {
  last: LinkRun | null = null;
  progress: LinkProgress | null = null;
  error: string | null = null;
  /** Pairs a member was not sure about: left out of the list for this session. */
  readonly notSure = new Set<string>();
  private running: Promise<LinkRun> | null = null;
  private stale = false;
  private channel: Promise<Channel> | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly vault: Vault) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The session's last run, or a new one if there is none or records changed since. */
  latest(): Promise<LinkRun> {
    return this.last && !this.stale ? Promise.resolve(this.last) : this.run();
  }

  /** People were added or changed: the next reader links again. */
  invalidate(): void {
    this.stale = true;
  }

  /** Links everyone afresh (one run at a time; callers during a run share it). */
  run(): Promise<LinkRun> {
    if (this.running) return this.running;
    this.stale = false;
    this.error = null;
    this.running = this.linkAll().then(
      (run) => {
        this.last = run;
        return run;
      },
      (e: unknown) => {
        this.error = e instanceof Error ? e.message : 'Linking failed.';
        throw e;
      },
    );
    this.running
      .finally(() => {
        this.running = null;
        this.progress = null;
        this.changed();
      })
      .catch(() => undefined);
    this.changed();
    return this.running;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  private async linkAll(): Promise<LinkRun> {
    this.report({ stage: 'loading', done: 0, total: 1 });
    const [people, decisions] = await Promise.all([loadLinkagePeople(this.vault), loadDecisions()]);
    const sets = decidedSets(decisions);
    const survivor = (id: string) => sets.mergedInto.get(id) ?? id;
    // "A is not B" still holds once B is merged into C: A is not C.
    const distinct = decisions.distinct.map(({ a, b }) => [survivor(a), survivor(b)] as [string, string]).filter(([a, b]) => a !== b);
    const reply = await this.ask({ type: 'link', job: 0, people: people.map(linkageFields), distinct });
    if (reply.type !== 'linked') throw new Error('Linking failed.');
    return { people, byId: new Map(people.map((p) => [p.id, p])), clusterOf: reply.clusterOf, suggestions: reply.suggestions, pairsCompared: reply.pairsCompared, decisions };
  }

  /** The people on record most likely to be `person` (one being added), by the last run's model. */
  async matchesOf(person: LinkagePerson, limit = 3): Promise<Suggestion[]> {
    await this.latest();
    const reply = await this.ask({ type: 'matches', job: 0, person: linkageFields(person), limit });
    return reply.type === 'matches' ? reply.matches : [];
  }

  /** A "different people" decision made on this page: the pair leaves the list and the counts. */
  decidedDifferent(a: string, b: string): void {
    this.last?.decisions.distinct.push({ a, b });
    this.changed();
  }

  skip(key: string): void {
    this.notSure.add(key);
    this.changed();
  }

  unskipAll(): void {
    this.notSure.clear();
    this.changed();
  }

  /** Suggestions no one has decided about yet (those skipped as "not sure" included). */
  open(run: LinkRun | null = this.last): Suggestion[] {
    if (!run) return [];
    const sets = decidedSets(run.decisions);
    return run.suggestions.filter((s) => !isDecided(sets, s.a, s.b));
  }

  private report(progress: LinkProgress): void {
    this.progress = progress;
    this.changed();
  }

  private async ask(request: Exclude<LinkRequest, { type: 'forget' }>): Promise<LinkReply> {
    const channel = await this.connect();
    const job = this.nextJob++;
    return new Promise<LinkReply>((resolve, reject) => {
      this.jobs.set(job, { resolve, reject });
      channel.send({ ...request, job });
    });
  }

  private receive(reply: LinkReply): void {
    if (reply.type === 'progress') return this.report({ stage: reply.stage, done: reply.done, total: reply.total });
    const job = this.jobs.get(reply.job);
    this.jobs.delete(reply.job);
    if (reply.type === 'failed') job?.reject(new Error(reply.message));
    else job?.resolve(reply);
  }

  private failAll(message: string): void {
    for (const job of this.jobs.values()) job.reject(new Error(message));
    this.jobs.clear();
  }

  /** The worker, started on first use; where workers are unavailable, the same code on this thread. */
  private connect(): Promise<Channel> {
    this.channel ??= (async (): Promise<Channel> => {
      try {
        const worker = new Worker(new URL('./link-worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (event: MessageEvent<LinkReply>) => this.receive(event.data);
        worker.onerror = (event) => {
          event.preventDefault();
          this.failAll('The linkage worker stopped. Reload the page to try again.');
        };
        return { send: (request) => worker.postMessage(request), stop: () => worker.terminate() };
      } catch {
        const { LinkSession } = await import('./link-session.ts');
        const session = new LinkSession((reply) => this.receive(reply));
        return { send: (request) => setTimeout(() => session.handle(request)), stop: () => session.handle({ type: 'forget' }) };
      }
    })();
    return this.channel;
  }

  forget(): void {
    void this.channel?.then((c) => c.stop());
    this.channel = null;
    this.failAll('locked');
    this.last = null;
    this.notSure.clear();
    this.listeners.clear();
  }
}

export const linkerOf = (vault: Vault): Linker => vault.hold('linkage', () => new Linker(vault));

/**
 * The session's linkage for a component: the last run (made now if there is none), progress while
 * one runs, and its error. Re-renders as any of them change.
 */
export function useLinkage(vault: Vault, { start = true }: { start?: boolean } = {}): { linker: Linker | null; run: LinkRun | null; progress: LinkProgress | null; error: string | null } {
  const linker = canLink(vault) ? linkerOf(vault) : null;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!linker) return;
    const unsubscribe = linker.subscribe(() => setTick((n) => n + 1));
    if (start) linker.latest().catch(() => undefined);
    return unsubscribe;
  }, [linker]);
  return { linker, run: linker?.last ?? null, progress: linker?.progress ?? null, error: linker?.error ?? null };
}
