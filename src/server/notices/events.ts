// What happened, as the notices plugin hears of it: a kind, never what a report says. Other
// features call tellNotices at the moment they stored something; the running server's notices
// plugin listens (one listener per server context; none in the command-line tools).
import type { VigilContext } from '../context.ts';
import type { NoticeKind } from '../../core/notices/kinds.ts';

type Listener = (kind: NoticeKind, count: number) => void;

const listeners = new WeakMap<VigilContext, Listener>();

/** Something new of this kind (a stored report, a reporter's answer, a failed backup). */
export function tellNotices(vigil: VigilContext, kind: NoticeKind, count = 1): void {
  listeners.get(vigil)?.(kind, count);
}

/** A new report: "urgent" when it says someone is still held (known in memory only, never stored). */
export const tellNewReport = (vigil: VigilContext, urgent: boolean): void => tellNotices(vigil, urgent ? 'urgent' : 'report');

export function listenForNotices(vigil: VigilContext, listener: Listener | null): void {
  if (listener) listeners.set(vigil, listener);
  else listeners.delete(vigil);
}
