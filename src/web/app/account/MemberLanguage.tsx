// The member's workspace language on their account page: the same switch as the top bar's, and
// POST /api/me/language so the choice follows them to every device they log in from.
import { useState } from 'preact/hooks';
import type { Language } from '../../../core/i18n/languages.ts';
import { api } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { useWords } from '../i18n/context.tsx';
import { accountWords } from './words.ts';

export function MemberLanguage({ vault }: { vault: Vault }) {
  const t = useWords(accountWords);
  const common = useWords(commonWords);
  // What happened to the last choice; worded at render time, so in the language just chosen.
  const [outcome, setOutcome] = useState<'saved' | 'not-saved' | null>(null);

  async function remember(language: Language) {
    setOutcome(null);
    try {
      await api('/api/me/language', { language });
      vault.me.language = language;
      setOutcome('saved');
    } catch {
      setOutcome('not-saved');
    }
  }

  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t('languageTitle')}</h2>
      <p>{t('languageRemembered')}</p>
      <LanguageSwitch id="account-language" onChange={(language) => void remember(language)} />
      <Feedback error={outcome === 'not-saved' ? t('languageNotRemembered') : null} said={outcome === 'saved' ? common('saved') : ''} />
    </section>
  );
}
