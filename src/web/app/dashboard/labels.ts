// Names of what the dashboard counts, in English (the workspace's language): act types from the
// vocabulary or the registry, places and units from the registry, statuses from the vocabulary.
import { DETENTION_STATUSES } from '../../../core/records/vocabulary.ts';
import { NONE, type DrillBy } from '../../../core/dashboard/dashboard.ts';
import { actTypeLabel, type RegistryEntry } from '../records/client.ts';

const IMPRECISE: Record<string, string> = { month: 'Dated to the month only', year: 'Dated to the year only', unknown: 'Date not known' };
const SOURCES: Record<string, string> = { '0': 'No source', '1': 'One source', '2': 'Two sources', '3+': 'Three or more' };

export function cellLabel(by: DrillBy, key: string, entries: RegistryEntry[]): string {
  const entry = (kind: RegistryEntry['kind']) => entries.find((e) => e.kind === kind && (kind === 'act-type' ? e.code === key : e.id === key))?.labels.en;
  switch (by) {
    case 'type':
      return actTypeLabel(entries, key);
    case 'place':
      return key === NONE ? 'No place recorded' : (entry('place') ?? 'Unknown place');
    case 'unit':
      return key === NONE ? 'No unit recorded' : (entry('unit') ?? 'Unknown unit');
    case 'status':
      return key === NONE ? 'No detention recorded' : (DETENTION_STATUSES.find((s) => s.key === key)?.labels.en ?? key);
    case 'period':
      return IMPRECISE[key] ?? key;
    case 'sentence':
      return key === '1' ? '1 day' : `${key} days`;
    case 'sources':
    case 'incident-sources':
      return SOURCES[key] ?? key;
    default:
      return key;
  }
}

export const PEOPLE: { by: 'people' | 'held' | 'released' | 'sentenced' | 'fined'; label: string }[] = [
  { by: 'people', label: 'People documented' },
  { by: 'held', label: 'Held now' },
  { by: 'released', label: 'Released' },
  { by: 'sentenced', label: 'Sentenced to detention' },
  { by: 'fined', label: 'Fined' },
];
