// One line of the inbox: enough to triage without opening the report.
import type { Report } from './report-store.ts';
import { stateName } from './states.ts';
import { isUrgent } from './filters.ts';
import { nameOf, type TeamMember } from './team.ts';
import { headlineOf } from '../../../core/report/text.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';
import { decryptWords, PROBLEM_WORDS } from '../decrypt/words.ts';

export function ReportRow({
  report,
  current,
  selected,
  team,
  onOpen,
  onSelect,
  onMarkRead,
}: {
  report: Report;
  current: boolean;
  selected: boolean;
  team: TeamMember[];
  onOpen: () => void;
  onSelect: (selected: boolean) => void;
  onMarkRead: (() => void) | undefined;
}) {
  const t = useWords(inboxWords);
  const problems = useWords(decryptWords);
  const f = useFormats();
  const received = f.dateTime(report.receivedHour);
  const seq = String(report.seq);
  const content = report.content;
  const opened = content?.ok ? content : null;
  const title = content ? (content.ok ? headlineOf(content, f.language, t('noStory')) : problems(PROBLEM_WORDS[content.problem])) : t('opening');
  const where = opened?.where ?? '';
  return (
    <li class={`row${current ? ' current' : ''}`} data-report-id={report.id} aria-current={current ? 'true' : undefined}>
      <article class={`report${report.readHour ? '' : ' unread'}${content && !content.ok ? ' problem' : ''}`} aria-label={t('rowLabel', { seq, when: received })}>
        <input type="checkbox" class="select" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={t('selectReport', { seq })} />
        <div class="summary">
          <button type="button" class="open" onClick={onOpen}>
            <span class="seq">#{seq}</span> {title}
          </button>
          <div class="facts">
            <span>{received}</span>
            <span class={`badge state-${report.state}`}>{stateName(t, report.state)}</span>
            {!report.readHour && <span class="badge unread-marker">{t('unreadBadge')}</span>}
            {report.unreadAnswers > 0 && <span class="badge new-answers">{t('newAnswersBadge', { count: report.unreadAnswers })}</span>}
            {opened && isUrgent(report) && <span class="badge urgent">{t('stillHeldBadge')}</span>}
            {opened?.stillHeld === 'unknown' && <span class="badge">{t('heldUnknown')}</span>}
            {where && <span>{where}</span>}
            {report.assignee && <span>{t('assignedToName', { name: nameOf(team, report.assignee, t) })}</span>}
            {report.tags.map((tag) => (
              <span class="tag" key={tag}>
                {tag}
              </span>
            ))}
            {report.notes > 0 && <span>{t('notesCount', { count: report.notes })}</span>}
            {report.messages > 0 && <span>{t('messagesCount', { count: report.messages })}</span>}
          </div>
        </div>
        {onMarkRead && !report.readHour && (
          <button type="button" class="small secondary" onClick={onMarkRead}>
            {t('markRead')}
          </button>
        )}
      </article>
    </li>
  );
}
