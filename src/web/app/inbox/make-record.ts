// From report to record: the report's answers become the starting values of a new incident, and
// the report becomes its first source (records/RecordsPage.tsx).
import type { Vault } from '../session/vault.ts';
import { answersOf, type Report } from './report-store.ts';
import { DraftHolder } from '../records/draft.ts';
import { headlineOf } from '../../../core/report/text.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { incidentWords } from '../records/incident-words.ts';

export function makeRecord(vault: Vault, report: Report): void {
  if (!report.content?.ok) return;
  const answers = answersOf(report.content);
  // The description is the member's to edit: its headings in their language.
  const t = translator(incidentWords, currentLanguage());
  const where = [answers.city, answers.place].filter(Boolean).join(', ');
  vault.hold('record-draft', () => new DraftHolder()).draft = {
    reportId: report.id,
    reportSeq: report.seq,
    title: headlineOf(report.content, currentLanguage(), '').slice(0, 120),
    description: [answers.story, where && t('draftWhere', { where }), answers.whenRough && t('draftWhen', { when: answers.whenRough })].filter(Boolean).join('\n\n'),
    date: answers.whenExact ?? '',
  };
  location.hash = '#records';
}
