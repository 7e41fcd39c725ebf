// The browser tab says how much is new while the inbox is open — "(3) Inbox · Vigil": reports no
// one has read and answers this member has not seen — so a glance at the tab bar is enough.
import { useEffect } from 'preact/hooks';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

export function useInboxTitle(news: number): void {
  const t = useWords(inboxWords);
  const title = news > 0 ? t('documentTitleNew', { count: news }) : t('documentTitle');
  useEffect(() => {
    const before = document.title;
    return () => {
      document.title = before;
    };
  }, []);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
