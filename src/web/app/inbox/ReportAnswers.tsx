// Everything the reporter said, as opened in this browser, with the form's choices worded in the
// reader's language (the public pages' catalogs).
import { stillHeldWords } from '../../../core/i18n/report-choice-words.ts';
import { answersOf, type ReportContent } from './report-store.ts';
import { whatHappened } from '../../../core/report/text.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { reportWords } from './detail-words.ts';
import { decryptWords, PROBLEM_WORDS } from '../decrypt/words.ts';

function Row({ label, value }: { label: string; value: string | number | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export function ReportAnswers({ content }: { content: ReportContent | null }) {
  const t = useWords(reportWords);
  const tc = useWords(commonWords);
  const problems = useWords(decryptWords);
  const f = useFormats();
  if (!content) return <p>{t('openingReport')}</p>;
  if (!content.ok) return <p class="error">{problems(PROBLEM_WORDS[content.problem])}</p>;
  const a = answersOf(content);
  return (
    <>
      <dl>
        <Row label={t('whatHappened')} value={whatHappened(a.what, f.language)} />
        <Row label={t('other')} value={a.whatOther} />
        <Row label={t('when')} value={[a.whenExact && f.day(a.whenExact), a.whenRough].filter(Boolean).join(' — ')} />
        <Row label={t('where')} value={[a.city, a.place].filter(Boolean).join(', ')} />
        <Row label={t('peopleAffected')} value={a.people === undefined ? undefined : f.number(a.people)} />
        <Row label={t('stillHeld')} value={stillHeldWords[f.language][a.stillHeld]} />
        <Row label={t('contact')} value={a.contact} />
        <Row label={t('publicUse')} value={a.consentPublic === 'yes' ? t('allowed') : t('notAllowed')} />
        <Row label={t('legalUse')} value={a.consentLegal === 'yes' ? t('allowed') : t('notAllowed')} />
        <Row label={t('writtenIn')} value={tc(a.lang)} />
      </dl>
      {a.story && <blockquote class="story">{a.story}</blockquote>}
    </>
  );
}
