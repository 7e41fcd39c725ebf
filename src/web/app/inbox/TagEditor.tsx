// A report's tags: remove one, add one.
import type { Report } from './report-store.ts';
import type { TriageChange } from './triage.ts';
import { TagInput, useTagInput } from './TagInput.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { inboxWords } from './words.ts';
import { reportWords } from './detail-words.ts';

export function TagEditor({ report, canTriage, onChange }: { report: Report; canTriage: boolean; onChange: (change: TriageChange, done: string) => void }) {
  const t = useWords(inboxWords);
  const td = useWords(reportWords);
  const tc = useWords(commonWords);
  const seq = String(report.seq);
  const { text, setText, error, submit } = useTagInput((tag) => onChange({ addTags: [tag] }, t('tagAdded', { count: 1, seq, tag })));

  return (
    <section aria-labelledby="detail-tags-title" class="tags-editor">
      <h3 id="detail-tags-title">{td('tagsTitle')}</h3>
      {report.tags.length === 0 ? (
        <p class="hint">{td('noTags')}</p>
      ) : (
        <ul class="tag-list">
          {report.tags.map((tag) => (
            <li key={tag}>
              <span class="tag">{tag}</span>
              {canTriage && (
                <button type="button" class="small secondary" onClick={() => onChange({ removeTags: [tag] }, t('tagRemoved', { seq, tag }))}>
                  {tc('remove')}
                  <span class="visually-hidden"> {td('removeTag', { tag })}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canTriage && (
        <form onSubmit={submit}>
          <label for="detail-tag">{td('addATag')}</label>
          <div class="inline-form">
            <TagInput id="detail-tag" value={text} onInput={setText} describedBy="detail-tag-hint" />
            <button type="submit" class="small">
              {t('addTag')}
            </button>
          </div>
          <p class="hint" id="detail-tag-hint">
            {td('tagHint')}
          </p>
          <Feedback error={error} />
        </form>
      )}
    </section>
  );
}
