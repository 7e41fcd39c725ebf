// The open report: all answers, triage, tags, notes and the conversation.
import type { JSX } from 'preact';
import type { TriageChange } from './triage.ts';
import { ReportAnswers } from './ReportAnswers.tsx';
import { TriageControls } from './TriageControls.tsx';
import { TagEditor } from './TagEditor.tsx';
import { ReportThread, type OpenReport } from './ReportThread.tsx';
import { stateName } from './states.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { inboxWords } from './words.ts';
import { reportWords } from './detail-words.ts';

interface Props extends OpenReport {
  canTriage: boolean;
  duplicateRequest: number;
  onChange: (ids: string[], change: TriageChange, done: string) => void;
  onMarkRead: () => void;
  onClose: () => void;
  onGoTo: (id: string) => void;
  /** Opens a new incident with this report's answers filled in (documenters and up). */
  onMakeRecord?: () => void;
  /** The report's attachments and its links to records (evidence/, records/). */
  evidence?: JSX.Element;
  /** Links the report to an incident or person already recorded, the ones it may concern suggested first (LinkReport.tsx). */
  linkToRecords?: JSX.Element;
}

export function ReportDetail(props: Props) {
  const { report, store, team, canTriage, onMakeRecord } = props;
  const t = useWords(reportWords);
  const changeThis = (change: TriageChange, done: string) => props.onChange([report.id], change, done);
  return (
    <section class="detail" aria-labelledby="detail-title" data-detail-id={report.id}>
      <DetailHead report={report} store={store} canTriage={canTriage} onClose={props.onClose} onGoTo={props.onGoTo} onMarkRead={props.onMarkRead} />
      <ReportAnswers content={report.content} />
      {props.evidence}
      {onMakeRecord && report.content?.ok && (
        <section class="to-records" aria-label={t('recordsLabel')}>
          <button type="button" class="small" onClick={onMakeRecord}>
            {t('makeRecord')}
          </button>
          {props.linkToRecords}
        </section>
      )}
      {canTriage && <TriageControls key={report.id} report={report} store={store} team={team} duplicateRequest={props.duplicateRequest} onChange={changeThis} />}
      <TagEditor report={report} canTriage={canTriage} onChange={changeThis} />
      <ReportThread report={report} store={store} opener={props.opener} intake={props.intake} team={team} canWrite={canTriage} />
    </section>
  );
}

/** The report's number and the close button, when it came, its state, whether read, and what it repeats. */
function DetailHead({ report, store, canTriage, onClose, onGoTo, onMarkRead }: Pick<Props, 'report' | 'store' | 'canTriage' | 'onClose' | 'onGoTo' | 'onMarkRead'>) {
  const t = useWords(reportWords);
  const ti = useWords(inboxWords);
  const tc = useWords(commonWords);
  const f = useFormats();
  const seq = String(report.seq);
  const duplicateOf = report.duplicateOf ? store.get(report.duplicateOf) : undefined;
  return (
    <>
      <div class="detail-head">
        <h2 id="detail-title" tabIndex={-1}>
          {ti('reportNumber', { seq })}
        </h2>
        <button type="button" class="small secondary" onClick={onClose} aria-keyshortcuts="Escape">
          {tc('close')}
          <span class="visually-hidden"> {ti('reportNumber', { seq })}</span>
        </button>
      </div>
      <p class="facts">
        <span>{t('receivedAt', { when: f.dateTime(report.receivedHour) })}</span>
        <span class={`badge state-${report.state}`}>{stateName(ti, report.state)}</span>
        <span>{report.readHour ? t('readAt', { when: f.dateTime(report.readHour) }) : t('notYetRead')}</span>
        {duplicateOf && (
          <button type="button" class="link" onClick={() => onGoTo(duplicateOf.id)}>
            {t('duplicateOf', { seq: String(duplicateOf.seq) })}
          </button>
        )}
      </p>
      {canTriage && !report.readHour && (
        <button type="button" class="small" onClick={onMarkRead} aria-keyshortcuts="r">
          {ti('markRead')}
        </button>
      )}
    </>
  );
}
