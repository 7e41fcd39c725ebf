// Form fields any page uses: a choice among terms, a text field, and a term's label.
import type { Language } from '../../../core/i18n/languages.ts';
import type { Term } from '../../../core/records/term.ts';
import { useLanguage } from '../i18n/context.tsx';

export function TermSelect<K extends string>({ id, label, terms, value, onChange }: { id: string; label: string; terms: readonly Term<K>[]; value: K; onChange: (value: K) => void }) {
  const { language } = useLanguage();
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as K)}>
        {terms.map((t) => (
          <option key={t.key} value={t.key}>
            {t.labels[language]}
          </option>
        ))}
      </select>
    </>
  );
}

export function TextField({ id, label, value, onChange, type = 'text', hint }: { id: string; label: string; value: string; onChange: (value: string) => void; type?: 'text' | 'date' | 'number' | 'time'; hint?: string }) {
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <input id={id} type={type as 'text'} value={value} onInput={(e) => onChange(e.currentTarget.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
    </>
  );
}

/** A term's label in the language (English by default); the key itself for a term not listed. */
export const termLabel = (terms: readonly Term[], key: string | null | undefined, language: Language = 'en'): string => terms.find((t) => t.key === key)?.labels[language] ?? (key ?? '');
