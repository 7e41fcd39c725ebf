// The estimate a coordinator chose for the situation report: kept in this browser session only (no
// server storage), forgotten on lock like everything opened. The lists keep their kind and opened
// name, so the report names the built-in report form in its own language.
import type { Forgettable, Vault } from '../session/vault.ts';
import type { EstimateSentence } from '../../../core/estimate/words.ts';
import type { ChannelKind } from '../../../core/records/channels.ts';
import { kindLabel } from '../channels/client.ts';
import type { Language } from '../../../core/i18n/languages.ts';

export interface ReportList {
  kind: ChannelKind;
  /** The team's name for the channel; null for the report form (named by the workspace). */
  name: string | null;
}

/** `teamNames`: name the lists as the team calls them; by default a report names them by kind only. */
export type ReportEstimate = Omit<EstimateSentence, 'lists'> & { lists: ReportList[]; teamNames: boolean };

class Chosen implements Forgettable {
  estimate: ReportEstimate | null = null;
  forget(): void {
    this.estimate = null;
  }
}

const chosen = (vault: Vault) => vault.hold('estimate-for-report', () => new Chosen());

export const addToReport = (vault: Vault, estimate: ReportEstimate): void => void (chosen(vault).estimate = estimate);

export const estimateForReport = (vault: Vault): ReportEstimate | null => chosen(vault).estimate;

/** A list's name in a language: the team's own name, else its kind's name (the report form's). */
export const listName = (list: ReportList, language: Language): string => list.name ?? kindLabel(list.kind, language);


/**
 * The lists as a report leaving the organization names them: by kind ("Lawyers' network", numbered when
 * two share a kind), since a team's own name for a channel ("Lawyer R. M.") could expose a partner.
 */
function publicNames(lists: readonly ReportList[], language: Language): string[] {
  return lists.map((list) => {
    const same = lists.filter((l) => l.kind === list.kind);
    return same.length > 1 ? `${kindLabel(list.kind, language)} ${same.indexOf(list) + 1}` : kindLabel(list.kind, language);
  });
}

/** The sentence's figures with the lists named in the report's language. */
export const sentenceIn = (estimate: ReportEstimate, language: Language): EstimateSentence => ({
  ...estimate,
  lists: estimate.teamNames ? estimate.lists.map((l) => listName(l, language)) : publicNames(estimate.lists, language),
});
