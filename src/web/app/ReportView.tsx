import { MESSAGES } from '../../core/i18n/index.ts';
import type { OpenedReport } from './open-report.ts';

const en = MESSAGES.en;
const LANGUAGE_NAMES = { az: 'Azerbaijani', ru: 'Russian', en: 'English' } as const;

function Row({ label, value }: { label: string; value: string | number | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export function ReportView({ report, onMarkRead }: { report: OpenedReport; onMarkRead: (() => void) | undefined }) {
  const received = report.receivedHour.replace('T', ' ').slice(0, 16);
  if (!report.ok) {
    return (
      <article class="report problem" aria-label={`Report received ${received}`}>
        <p>
          Received {received} UTC — <strong>{report.problem}</strong>
        </p>
      </article>
    );
  }
  const a = report.answers;
  return (
    <article class={`report${report.readHour ? '' : ' unread'}`} aria-label={`Report received ${received}`} data-report-id={report.id}>
      <header>
        <span>Received {received} UTC</span>
        {a.stillHeld === 'yes' && <span class="badge urgent">Still held</span>}
        {a.stillHeld === 'unknown' && <span class="badge">Held? unknown</span>}
        <span class="badge">{report.readHour ? 'Read' : 'New'}</span>
      </header>
      <dl>
        <Row label="What happened" value={a.what.map((w) => en.what[w]).join('; ')} />
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
      {onMarkRead && !report.readHour && (
        <button type="button" onClick={onMarkRead}>
          Mark read
        </button>
      )}
    </article>
  );
}
