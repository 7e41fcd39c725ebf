// What the linkage worker does, kept apart from the worker's plumbing so the page can run it on
// its own thread where workers are unavailable. It keeps the last Linkage: "who might this new
// person be?" is answered by the model fitted to the whole list, without linking again.
import { linkPeople, type Linkage, type LinkStage, type Suggestion } from '../../../core/linkage/link.ts';
import { forgetRememberedNames, type LinkagePerson } from '../../../core/linkage/compare.ts';

export type LinkRequest =
  | { type: 'link'; job: number; people: LinkagePerson[]; distinct: [string, string][] }
  | { type: 'matches'; job: number; person: LinkagePerson; limit: number; from?: number }
  | { type: 'forget' };

export type LinkReply =
  | { type: 'progress'; job: number; stage: LinkStage; done: number; total: number }
  | { type: 'linked'; job: number; clusterOf: Int32Array; suggestions: Suggestion[]; pairsCompared: number }
  | { type: 'matches'; job: number; matches: Suggestion[] }
  | { type: 'failed'; job: number; message: string };

export class LinkSession {
  private last: Linkage | null = null;

  constructor(private readonly post: (reply: LinkReply, transfer?: Transferable[]) => void) {}

  handle(request: LinkRequest): void {
    if (request.type === 'forget') {
      this.last = null;
      forgetRememberedNames();
      return;
    }
    try {
      if (request.type === 'link') {
        const { job } = request;
        this.last = linkPeople(request.people, { distinct: request.distinct, onProgress: (stage, done, total) => this.post({ type: 'progress', job, stage, done, total }) });
        const { clusterOf, suggestions, pairsCompared } = this.last;
        const copy = clusterOf.slice(); // the kept Linkage keeps its own
        this.post({ type: 'linked', job, clusterOf: copy, suggestions, pairsCompared }, [copy.buffer]);
      } else {
        if (!this.last) throw new Error('No list has been linked yet.');
        this.post({ type: 'matches', job: request.job, matches: this.last.matchesOf(request.person, { limit: request.limit, from: request.from }) });
      }
    } catch (e) {
      this.post({ type: 'failed', job: request.job, message: e instanceof Error ? e.message : String(e) });
    }
  }
}
