// The session's linkage: loads the people (people.ts), has the linkage worker link them
// (link-channel.ts) and keeps the last run — the Possible duplicates page, the note on other
// pages, the add-person warning and a report's suggestions read it. Held by the vault: locking
// stops the worker and drops it all, and a run still opening names when the lock came ends there.
// Nothing here is sent to the server but the decisions' record ids (decisions-client.ts).
import type { Forgettable, Vault } from '../session/vault.ts';
import { ROLE_KEYS } from '../../../core/api/keys.ts';
import type { LinkStage, Suggestion } from '../../../core/linkage/link.ts';
import { forgetRememberedNames, type LinkagePerson } from '../../../core/linkage/compare.ts';
import type { DecisionsAnswer, MergeView } from '../../../core/linkage/decisions.ts';
import { decidedSets, isDecided, loadDecisions } from './decisions-client.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { linkageWords } from './words.ts';
import { linkageFields, loadLinkagePeople, survivorOf, type LinkageRecord } from './people.ts';
import { LinkChannel, LOCKED } from './link-channel.ts';
import { withDifferent, withMerge, withUndo, type LinkRun } from './review.ts';

export interface LinkProgress {
  stage: 'loading' | LinkStage;
  done: number;
  total: number;
}

/** Only members holding the records key can read names, so only they link. */
export const canLink = (vault: Vault): boolean => ROLE_KEYS[vault.me.role].includes('records');

export class Linker implements Forgettable {
  last: LinkRun | null = null;
  progress: LinkProgress | null = null;
  error: string | null = null;
  /** Pairs a member was not sure about: left out of the list for this session. */
  readonly notSure = new Set<string>();
  private running: Promise<LinkRun> | null = null;
  private stale = false;
  /** Decisions made on this page so far: a run begun before one is made again, lest it bring a decided pair back. */
  private decisionsMade = 0;
  private forgotten = false;
  private readonly channel = new LinkChannel(({ stage, done, total }) => this.report({ stage, done, total }));
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
    if (this.forgotten) return Promise.reject(new Error(LOCKED));
    if (this.running) return this.running;
    this.stale = false;
    this.error = null;
    this.running = this.linkUntilCurrent().then(
      (run) => {
        if (this.forgotten) throw new Error(LOCKED);
        this.last = run;
        return run;
      },
      (e: unknown) => {
        this.error = e instanceof Error ? e.message : translator(linkageWords, currentLanguage())('linkingFailed');
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

  /** A run that began before a decision made on this page is made again, with it. */
  private async linkUntilCurrent(): Promise<LinkRun> {
    for (;;) {
      const made = this.decisionsMade;
      const run = await this.linkAll();
      if (made === this.decisionsMade) return run;
    }
  }

  private async linkAll(): Promise<LinkRun> {
    this.report({ stage: 'loading', done: 0, total: 1 });
    const [people, decisions] = await Promise.all([loadLinkagePeople(this.vault), loadDecisions()]);
    this.stopIfLocked();
    const { mergedInto } = decidedSets(decisions);
    // "A is not X" still holds once A is merged into B and B into C: C is not X.
    const distinct = decisions.distinct.map(({ a, b }) => [survivorOf(a, mergedInto), survivorOf(b, mergedInto)] as [string, string]).filter(([a, b]) => a !== b);
    const reply = await this.channel.ask({ type: 'link', job: 0, people: people.map(linkageFields), distinct });
    this.stopIfLocked();
    if (reply.type !== 'linked') throw new Error('Linking failed.');
    return { people, byId: new Map(people.map((p) => [p.id, p])), clusterOf: reply.clusterOf, suggestions: reply.suggestions, pairsCompared: reply.pairsCompared, decisions };
  }

  /** Every await of a run may end after a lock: the names it opened go no further. */
  private stopIfLocked(): void {
    if (this.forgotten || !this.vault.isOpen) throw new Error(LOCKED);
  }

  /** The people on record most likely to be `person` (one being added), by the last run's model. */
  async matchesOf(person: LinkagePerson, limit = 3): Promise<Suggestion[]> {
    await this.latest();
    const reply = await this.channel.ask({ type: 'matches', job: 0, person: linkageFields(person), limit });
    return reply.type === 'matches' ? reply.matches : [];
  }

  /** "Different people", saved: the pair leaves the list and the counts. */
  decidedDifferent(a: string, b: string): void {
    this.decisionsMade++;
    if (this.last) this.last = withDifferent(this.last, a, b);
    this.changed();
  }

  /**
   * "Same person", saved: every pair of the merged record leaves the list at once, and a new run
   * in the background lends its names to the survivor (which may bring up new pairs).
   */
  decidedSame(merge: MergeView): void {
    this.decisionsMade++;
    if (this.last) this.last = withMerge(this.last, merge);
    this.relinkInBackground();
  }

  /** A merge undone: shown as such at once; the record is back on its own after a run in the background. */
  undid(mergeId: string): void {
    this.decisionsMade++;
    if (this.last) this.last = withUndo(this.last, mergeId);
    this.relinkInBackground();
  }

  /** Links again without anyone waiting for it; the list shown meanwhile is the last one. */
  relinkInBackground(): void {
    this.invalidate();
    this.changed();
    this.run().catch(() => undefined);
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

  forget(): void {
    this.forgotten = true;
    this.channel.stop();
    this.last = null;
    this.progress = null;
    this.notSure.clear();
    this.listeners.clear();
    // The page's own thread folds names too (search, and the engine where workers are unavailable).
    forgetRememberedNames();
  }
}

export const linkerOf = (vault: Vault): Linker => vault.hold('linkage', () => new Linker(vault));
