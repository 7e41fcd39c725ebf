// Labels of coded values in a document's language: act types (Vigil's and the team's own),
// registry entries (places, units, provisions) and vocabulary terms.
import type { Term } from '../../../core/records/term.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { actTypeLabel, type RegistryEntry } from '../records/client.ts';

export function labeller(entries: RegistryEntry[], language: Language) {
  return {
    actType: (code: string) => actTypeLabel(entries, code, language),
    entry: (id: string | null | undefined) => (id ? (entries.find((e) => e.id === id)?.labels[language] ?? '?') : ''),
    term: (terms: readonly Term[], key: string | null | undefined) => terms.find((t) => t.key === key)?.labels[language] ?? key ?? '',
  };
}
export type Labeller = ReturnType<typeof labeller>;
