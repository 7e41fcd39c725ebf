// Names of what the dashboard counts, in the member's language: act types from the vocabulary or
// the registry, places and units from the registry, statuses from the vocabulary, the rest from
// the dashboard's catalog.
import { DETENTION_STATUSES } from '../../../core/records/vocabulary-words.ts';
import { NONE, type DrillBy } from '../../../core/dashboard/dashboard.ts';
import { translator } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { actTypeLabel, entryLabel, type RegistryEntry } from '../records/client.ts';
import { dashboardWords } from './words.ts';

type Key = keyof (typeof dashboardWords)['en'];

const IMPRECISE: Record<string, Key> = { month: 'monthOnly', year: 'yearOnly', unknown: 'dateNotKnown' };
const SOURCES: Record<string, Key> = { '0': 'noSource', '1': 'oneSource', '2': 'twoSources', '3+': 'threeOrMore' };

export function cellLabel(by: DrillBy, key: string, entries: RegistryEntry[], language: Language): string {
  const t = translator(dashboardWords, language);
  const entry = (kind: RegistryEntry['kind']) => {
    const found = entries.find((e) => e.kind === kind && e.id === key);
    return found && entryLabel(found, language);
  };
  switch (by) {
    case 'type':
      return actTypeLabel(entries, key, language);
    case 'place':
      return key === NONE ? t('noPlace') : (entry('place') ?? t('unknownPlace'));
    case 'unit':
      return key === NONE ? t('noUnit') : (entry('unit') ?? t('unknownUnit'));
    case 'status':
      return key === NONE ? t('noDetention') : (DETENTION_STATUSES.find((s) => s.key === key)?.labels[language] ?? key);
    case 'period':
      return IMPRECISE[key] ? t(IMPRECISE[key]) : key;
    case 'sentence':
      return t('days', { days: Number(key) });
    case 'sources':
    case 'incident-sources':
      return SOURCES[key] ? t(SOURCES[key]) : key;
    default:
      return key;
  }
}

export const PEOPLE: { by: 'people' | 'held' | 'released' | 'sentenced' | 'fined'; label: Key }[] = [
  { by: 'people', label: 'peopleDocumented' },
  { by: 'held', label: 'heldNow' },
  { by: 'released', label: 'released' },
  { by: 'sentenced', label: 'sentenced' },
  { by: 'fined', label: 'fined' },
];
