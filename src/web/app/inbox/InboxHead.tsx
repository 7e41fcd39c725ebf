// The top of the inbox: its title with what is new, the tools, how far opening has come, and
// whatever went wrong.
import type { ReportStore } from './report-store.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

interface Props {
  store: ReportStore;
  news: { unread: number; newAnswers: number };
  threadProgress: [number, number] | null;
  error: string | null;
  said: string;
  onCheckNew: () => void;
  onHelp: () => void;
}

export function InboxHead({ store, news, threadProgress, error, said, onCheckNew, onHelp }: Props) {
  const t = useWords(inboxWords);
  const loading = store.phase === 'loading';
  return (
    <>
      <div class="inbox-head">
        <PageHeading>
          {t('title')} <span class="count">{t('unread', { count: news.unread })}</span>
          {news.newAnswers > 0 && <span class="count new-answers">{t('newAnswersBadge', { count: news.newAnswers })}</span>}
        </PageHeading>
        <div class="tools">
          <button type="button" class="small secondary" onClick={onCheckNew} disabled={loading}>
            {t('checkNew')}
          </button>
          <button type="button" class="small secondary" onClick={onHelp} aria-keyshortcuts="?">
            {t('keyboardShortcuts')}
          </button>
        </div>
      </div>
      <OpeningProgress store={store} threadProgress={threadProgress} />
      {store.problem && (
        <p class="error" role="alert">
          {store.problem}
        </p>
      )}
      <Feedback error={error} said={said} />
      {store.cacheMismatches > 0 && (
        <p class="error" role="alert" data-cache-mismatches={store.cacheMismatches}>
          {t('cacheMismatches', { count: store.cacheMismatches })}
        </p>
      )}
    </>
  );
}

/** How many reports are opened of how many, and then how many threads; once, politely, for the screen reader. */
function OpeningProgress({ store, threadProgress }: { store: ReportStore; threadProgress: [number, number] | null }) {
  const t = useWords(inboxWords);
  const total = store.reports.length;
  const loading = store.phase === 'loading';
  return (
    <>
      <p class="progress">
        {loading ? t(store.allFetched ? 'openedOf' : 'openedOfMore', { opened: store.opened, total }) : store.phase === 'done' ? t('openedHere', { count: total }) : ''}
        {threadProgress && threadProgress[1] > 0 && threadProgress[0] < threadProgress[1] && ` ${t('openingNotes', { done: threadProgress[0], total: threadProgress[1] })}`}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {loading ? t('openingReports') : store.phase === 'done' ? t('allOpened', { count: total }) : ''}
      </p>
    </>
  );
}
