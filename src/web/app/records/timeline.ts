// A person's timeline, from their acts and detentions: detained → transferred → sentenced →
// released, in date order, worded in the member's language. Pure, so it is tested without a browser.
import { translator } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { currentLanguage } from '../i18n/language.ts';
import { detentionWords } from './detention-words.ts';

export interface TimelineAct {
  id: string;
  code: string;
  typeCode: string;
  dateStart: string | null;
}
export interface TimelineDetention {
  custodyStart: string | null;
  decision: string;
  decisionDate: string | null;
  detentionDays: number | null;
  fineAmount: number | null;
  expectedRelease: string | null;
  releasedOn: string | null;
  status: string;
}
export interface TimelineEvent {
  day: string | null;
  what: 'act' | 'custody' | 'transfer' | 'decision' | 'expected-release' | 'released';
  text: string;
  actCode: string;
}

export function timelineOf(
  acts: TimelineAct[],
  detentions: Map<string, TimelineDetention>,
  transfers: Map<string, { toPlaceId: string; onDay: string; atTime?: string | null }[]>,
  placeName: (id: string) => string,
  typeName: (code: string) => string,
  language: Language = currentLanguage(),
): TimelineEvent[] {
  const t = translator(detentionWords, language);
  const events: TimelineEvent[] = [];
  for (const act of acts) {
    const type = typeName(act.typeCode);
    const d = detentions.get(act.id);
    if (!d) {
      events.push({ day: act.dateStart, what: 'act', text: type, actCode: act.code });
      continue;
    }
    events.push({ day: d.custodyStart ?? act.dateStart, what: 'custody', text: t('tlCustody', { type }), actCode: act.code });
    for (const tr of transfers.get(act.id) ?? []) {
      const place = placeName(tr.toPlaceId);
      events.push({ day: tr.onDay, what: 'transfer', text: tr.atTime ? t('tlTransferredAt', { place, time: tr.atTime }) : t('tlTransferred', { place }), actCode: act.code });
    }
    const decided = decisionText(d, t);
    if (decided) events.push({ day: d.decisionDate, what: 'decision', text: decided, actCode: act.code });
    if (d.releasedOn) events.push({ day: d.releasedOn, what: 'released', text: t('tlReleased'), actCode: act.code });
    else if (d.expectedRelease) events.push({ day: d.expectedRelease, what: 'expected-release', text: t('tlExpectedRelease'), actCode: act.code });
  }
  // Unknown days last; the order of the steps breaks ties on the same day.
  const step = ['act', 'custody', 'transfer', 'decision', 'released', 'expected-release'];
  return events.sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || step.indexOf(a.what) - step.indexOf(b.what));
}

/** What was decided, as the timeline says it; null while nothing is. */
function decisionText(d: TimelineDetention, t: (key: keyof (typeof detentionWords)['en'], args?: Record<string, number>) => string): string | null {
  switch (d.decision) {
    case 'detention':
      return d.detentionDays === null ? t('tlSentencedDaysUnknown') : t('tlSentenced', { days: d.detentionDays });
    case 'fine':
      return d.fineAmount === null ? t('tlFined') : t('tlFinedAmount', { amount: d.fineAmount });
    case 'released':
      return t('tlReleasedByDecision');
    case 'other':
      return t('tlOtherDecision');
    default:
      return null;
  }
}
