// What the Estimate page computes from a choice: the capture histories from the server (ids only), then
// every model fitted in this browser (src/core/estimate), with the lists' kinds and opened names.
import { api } from '../session/api.ts';
import type { Channel } from '../channels/client.ts';
import type { ReportEstimate } from './for-report.ts';
import { estimatePopulation, type Criterion, type MseResult } from '../../../core/estimate/select.ts';
import { observedCount } from '../../../core/estimate/histories.ts';
import type { HistoriesView } from '../../../core/estimate/request.ts';

export interface Choice {
  channels: string[];
  from: string;
  to: string;
  incident: string;
  place: string | null;
  actType: string;
  select: Criterion;
}

export interface Computed {
  view: HistoriesView;
  /** Null when nobody in the selection is on the chosen lists: there is nothing to fit. */
  result: MseResult | null;
  lists: ReportEstimate['lists'];
  choice: Choice;
}

function historiesPath(c: Choice): string {
  const q = new URLSearchParams({ channels: c.channels.join(',') });
  for (const key of ['from', 'to', 'incident', 'place', 'actType'] as const) if (c[key]) q.set(key, c[key]!);
  return `/api/estimate/histories?${q}`;
}

/** Fits every model in this browser: a moment for three lists, about a second for eight. */
export async function compute(choice: Choice, channels: Channel[]): Promise<Computed> {
  const view = await api<HistoriesView>(historiesPath(choice));
  // Let the page say "computing" before the fitting holds the main thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const histories = { lists: view.channels.length, counts: view.counts };
  const result = observedCount(histories) > 0 ? estimatePopulation(histories, { select: choice.select }) : null;
  const lists = view.channels.map((id) => {
    const channel = channels.find((c) => c.id === id)!;
    // The report form is named by the workspace in each language, not by its English title.
    return { kind: channel.kind, name: channel.kind === 'form' ? null : channel.name };
  });
  return { view, result, lists, choice };
}
