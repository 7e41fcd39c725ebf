// What the first administrator sees once setup is done: where to log in, and the kit to make next.
import { useWords } from '../i18n/context.tsx';
import { entryWords } from '../entry/words.ts';
import { pageWords } from '../shell/page-words.ts';
import { Marked } from '../ui/Marked.tsx';

export function OrganizationReady() {
  const t = useWords(entryWords);
  const page = useWords(pageWords)('recovery');
  return (
    <main class="narrow">
      <h1>{t('readyTitle')}</h1>
      <p>{t('readyKeys')}</p>
      <p>
        <Marked text={t('readyNext', { page })} part={page} />
      </p>
      <p>
        <a href="/app">{t('logInToWorkspace')}</a>
      </p>
    </main>
  );
}
