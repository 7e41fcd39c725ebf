// A report's tags: remove one, add one.
import { useState } from 'preact/hooks';
import type { Report } from './report-store.ts';
import { tagOf, type TriageChange } from './triage.ts';
import { Feedback } from '../Feedback.tsx';

export const TAG_RULE = 'Letters, digits, spaces, - and _; at most 40.';

export function TagEditor({ report, canTriage, onChange }: { report: Report; canTriage: boolean; onChange: (change: TriageChange, done: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(event: Event) {
    event.preventDefault();
    const tag = tagOf(text);
    if (!tag) return setError(`That tag cannot be used. ${TAG_RULE}`);
    setError(null);
    setText('');
    onChange({ addTags: [tag] }, `Tag ${tag} added to report #${report.seq}.`);
  }

  return (
    <section aria-labelledby="detail-tags-title" class="tags-editor">
      <h3 id="detail-tags-title">Tags</h3>
      {report.tags.length === 0 ? (
        <p class="hint">No tags.</p>
      ) : (
        <ul class="tag-list">
          {report.tags.map((t) => (
            <li key={t}>
              <span class="tag">{t}</span>
              {canTriage && (
                <button type="button" class="small secondary" onClick={() => onChange({ removeTags: [t] }, `Tag ${t} removed from report #${report.seq}.`)}>
                  Remove<span class="visually-hidden"> tag {t}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canTriage && (
        <form onSubmit={add}>
          <label for="detail-tag">Add a tag</label>
          <div class="inline-form">
            <input id="detail-tag" value={text} onInput={(e) => setText(e.currentTarget.value)} list="known-tags" autoComplete="off" maxLength={40} aria-describedby="detail-tag-hint" />
            <button type="submit" class="small">
              Add tag
            </button>
          </div>
          <p class="hint" id="detail-tag-hint">
            {TAG_RULE} Tags are visible to the server; do not put names or places in them.
          </p>
          <Feedback error={error} />
        </form>
      )}
    </section>
  );
}
