// One line of the inbox: enough to triage without opening the report.
import type { Report } from './report-store.ts';
import { STATE_NAMES } from './states.ts';
import { isUrgent } from './filters.ts';
import { nameOf, type TeamMember } from './team.ts';
import { utcMinute } from '../time.ts';

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
  const received = utcMinute(report.receivedHour);
  const content = report.content;
  const opened = content?.ok ? content : null;
  const title = content ? (content.ok ? content.firstLine : content.problem) : 'Opening…';
  const where = opened?.where ?? '';
  return (
    <li class={`row${current ? ' current' : ''}`} data-report-id={report.id} aria-current={current ? 'true' : undefined}>
      <article class={`report${report.readHour ? '' : ' unread'}${content && !content.ok ? ' problem' : ''}`} aria-label={`Report #${report.seq}, received ${received} UTC`}>
        <input type="checkbox" class="select" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={`Select report #${report.seq}`} />
        <div class="summary">
          <button type="button" class="open" onClick={onOpen}>
            <span class="seq">#{report.seq}</span> {title}
          </button>
          <div class="facts">
            <span>{received} UTC</span>
            <span class={`badge state-${report.state}`}>{STATE_NAMES[report.state]}</span>
            {!report.readHour && <span class="badge unread-marker">Unread</span>}
            {opened && isUrgent(report) && <span class="badge urgent">Still held</span>}
            {opened?.stillHeld === 'unknown' && <span class="badge">Held? unknown</span>}
            {where && <span>{where}</span>}
            {report.assignee && <span>Assigned to {nameOf(team, report.assignee)}</span>}
            {report.tags.map((t) => (
              <span class="tag" key={t}>
                {t}
              </span>
            ))}
            {report.notes > 0 && <span>{report.notes === 1 ? '1 note' : `${report.notes} notes`}</span>}
            {report.messages > 0 && <span>{report.messages === 1 ? '1 message' : `${report.messages} messages`}</span>}
          </div>
        </div>
        {onMarkRead && !report.readHour && (
          <button type="button" class="small secondary" onClick={onMarkRead}>
            Mark read
          </button>
        )}
      </article>
    </li>
  );
}
