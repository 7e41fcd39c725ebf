// The languages Vigil speaks, named in the workspace's language, and the one picker every page
// that writes or renders in a chosen language uses.
import { LANGUAGES, type Language } from '../../core/report/answers.ts';

export const LANGUAGE_NAMES: Record<Language, string> = { az: 'Azerbaijani', ru: 'Russian', en: 'English' };

export function LanguageSelect({ id, label, value, onChange, languages = LANGUAGES }: { id: string; label: string; value: Language; onChange: (language: Language) => void; languages?: readonly Language[] }) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </>
  );
}
