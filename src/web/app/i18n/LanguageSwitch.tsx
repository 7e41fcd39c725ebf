// The workspace language picker: on the login, setup and invitation screens and in the menu. Each
// language is named in itself, so a reader who cannot read the current one still finds theirs.
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { commonWords } from './common-words.ts';
import { useLanguage, useWords } from './context.tsx';

export function LanguageSwitch({ onChange, id = 'workspace-language' }: { onChange?: (language: Language) => void; id?: string }) {
  const { language, setLanguage } = useLanguage();
  const t = useWords(commonWords);
  return (
    <p class="language-switch">
      <label for={id}>{t('workspaceLanguage')}</label>{' '}
      <select
        id={id}
        value={language}
        onChange={(e) => {
          const next = e.currentTarget.value as Language;
          setLanguage(next);
          onChange?.(next);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(l)}
          </option>
        ))}
      </select>
    </p>
  );
}
