// What the login page says once the organization is locked down: nothing opens here any more, and
// how the team gets back to work.
import { useWords } from '../i18n/context.tsx';
import { entryWords } from './words.ts';
import { Marked } from '../ui/Marked.tsx';

const RESTORE = 'npx vigil restore --in FILE --shares …'; // not words

export function LockedDown() {
  const t = useWords(entryWords);
  return (
    <main class="narrow">
      <h1>{t('lockedTitle')}</h1>
      <p>{t('lockedWhat')}</p>
      <p>{t('lockedReports')}</p>
      <h2>{t('lockedNext')}</h2>
      <ol>
        <li>{t('lockedStepServer')}</li>
        <li>
          <Marked text={t('lockedStepRestore', { command: RESTORE })} part={RESTORE} as="code" />
        </li>
        <li>{t('lockedStepTrustees')}</li>
      </ol>
    </main>
  );
}
