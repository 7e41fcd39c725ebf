// Everything the reporter said, as opened in this browser.
import { MESSAGES } from '../../../core/i18n/index.ts';
import { answersOf, type ReportContent } from './report-store.ts';
import { whatHappened } from './report-text.ts';
import { LANGUAGE_NAMES } from '../LanguageSelect.tsx';

const en = MESSAGES.en;

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
  if (!content) return <p>Opening this report…</p>;
  if (!content.ok) return <p class="error">{content.problem}</p>;
  const a = answersOf(content);
  return (
    <>
      <dl>
        <Row label="What happened" value={whatHappened(a)} />
        <Row label="Other" value={a.whatOther} />
        <Row label="When" value={[a.whenExact, a.whenRough].filter(Boolean).join(' — ')} />
        <Row label="Where" value={[a.city, a.place].filter(Boolean).join(', ')} />
        <Row label="People affected" value={a.people} />
        <Row label="Still held" value={en.stillHeld[a.stillHeld]} />
        <Row label="Contact" value={a.contact} />
        <Row label="Public use (anonymised)" value={a.consentPublic === 'yes' ? 'Allowed' : 'Not allowed'} />
        <Row label="Lawyers / UN bodies" value={a.consentLegal === 'yes' ? 'Allowed' : 'Not allowed'} />
        <Row label="Written in" value={LANGUAGE_NAMES[a.lang]} />
      </dl>
      {a.story && <blockquote class="story">{a.story}</blockquote>}
    </>
  );
}
