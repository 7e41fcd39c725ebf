// The inbox in memory: every report's plain triage facts (from the server) and what this browser
// opened from its envelope. One mutable store per session, shared by the inbox views, so moving
// between pages does not open 100,000 envelopes again. Views re-render on `version`.
import { useEffect, useState } from 'preact/hooks';
import type { InboxFacts, InboxFrame } from '../../../core/api/inbox-frame.ts';
import type { ReportAnswers } from '../../../core/report/answers.ts';
import type { Forgettable } from '../session/vault.ts';
import type { OpenedReport, OpenProblem } from '../decrypt/open.ts';

export type ReportContent =
  | (Pick<OpenedReport, 'ok' | 'firstLine' | 'what' | 'where' | 'stillHeld' | 'json'> & {
      /** Its stored quick copy did not match the sealed report (shown marked ⚠). */
      tampered?: boolean;
    })
  | { ok: false; problem: OpenProblem };

const parsedAnswers = new WeakMap<ReportContent, ReportAnswers>();

/** The full answers of an opened report (validated by the worker that opened it), parsed on first use. */
export function answersOf(content: ReportContent & { ok: true }): ReportAnswers {
  let answers = parsedAnswers.get(content);
  if (!answers) parsedAnswers.set(content, (answers = JSON.parse(content.json) as ReportAnswers));
  return answers;
}

/** An inbox item as the server lists it, plus what this browser learnt by opening it. */
export interface Report extends InboxFacts {
  /** The sealed report until it is opened (and, if it was opened from the cache, until that is checked), then null. */
  envelope: Uint8Array | null;
  /** Its opened-report cache entry as the server sent it, until opened. */
  cache: Uint8Array | null;
  /** Opened from the cache; the check against the envelope is still to come. */
  unchecked: boolean;
  /** null until opened. */
  content: ReportContent | null;
  /** Folded text of the answers, for search. */
  text: string;
  /** Folded text of notes and messages, once the thread was opened here. */
  threadText: string;
  threadSeen: boolean;
}

export type LoadingPhase = 'loading' | 'done' | 'failed';

export class ReportStore implements Forgettable {
  /** Whether this member may write quick copies (the server keeps the first, so viewers may not). */
  constructor(readonly writesCache: boolean) {}

  /** Newest first. */
  reports: Report[] = [];
  private readonly byId = new Map<string, Report>();
  phase: LoadingPhase = 'loading';
  /** True once every page of the inbox was fetched (the total is then known). */
  allFetched = false;
  opened = 0;
  /** Cache entries that did not match their envelope (a member showed others different answers). */
  cacheMismatches = 0;
  /** Opened-report cache entries made here, waiting to be sent (load-inbox.ts), one request at a time. */
  cacheQueue: { id: string; cache: Uint8Array }[] = [];
  sending: Promise<void> = Promise.resolve();
  problem: string | null = null;
  started = false;
  forgotten = false;
  version = 0;
  private readonly listeners = new Set<(version: number) => void>();

  get(id: string): Report | undefined {
    return this.byId.get(id);
  }

  /** Adds reports older than the ones held (the next page), or updates the facts of known ones. */
  add(items: InboxFrame['reports'], where: 'older' | 'newer' = 'older'): Report[] {
    const added: Report[] = [];
    for (const item of items) {
      const known = this.byId.get(item.id);
      if (known) {
        Object.assign(known, factsOf(item));
        continue;
      }
      const report: Report = { ...factsOf(item), id: item.id, seq: item.seq, keyId: item.keyId, receivedHour: item.receivedHour, canReply: item.canReply, envelope: item.envelope, cache: item.cache, unchecked: false, content: null, text: '', threadText: '', threadSeen: false };
      this.byId.set(report.id, report);
      added.push(report);
    }
    if (where === 'older') this.reports.push(...added);
    else this.reports = [...added, ...this.reports].sort((a, b) => b.seq - a.seq);
    return added;
  }

  changed(): void {
    if (this.forgotten) return;
    this.version++;
    for (const listener of this.listeners) listener(this.version);
  }

  subscribe(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  forget(): void {
    this.forgotten = true;
    this.cacheQueue = [];
    this.reports = [];
    this.byId.clear();
    this.listeners.clear();
  }
}

function factsOf(item: InboxFacts) {
  return {
    readHour: item.readHour,
    state: item.state,
    assignee: item.assignee,
    duplicateOf: item.duplicateOf,
    tags: item.tags,
    notes: item.notes,
    messages: item.messages,
    unreadAnswers: item.unreadAnswers,
  };
}

/** Re-renders the calling component whenever the store changes; returns the store's version. */
export function useStoreVersion(store: ReportStore): number {
  const [version, setVersion] = useState(store.version);
  useEffect(() => {
    setVersion(store.version);
    return store.subscribe(setVersion);
  }, [store]);
  return version;
}
