// The merges made so far, newest first, each with its undo.
import { Table } from '../ui/Table.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';
import type { LinkRun } from './review.ts';

export function MergesMade({ run, busy, onUndo }: { run: LinkRun; busy: boolean; onUndo: (mergeId: string, mergedCode: string) => void }) {
  const t = useWords(linkageWords);
  const f = useFormats();
  const merges = [...run.decisions.merges].sort((x, y) => (x.createdAt < y.createdAt ? 1 : -1));
  const person = (id: string, code: string | null) => (code ? <a href={`#person/${id}`}>{code}</a> : t('purged'));
  return (
    <section aria-labelledby="merges-made">
      <h2 id="merges-made">{t('mergesMade')}</h2>
      {merges.length === 0 && <p>{t('noneYet')}</p>}
      {merges.length > 0 && (
        <Table
          data-merges
          rows={merges}
          rowKey={(m) => m.id}
          rowData={(m) => ({ 'data-merge': m.mergedCode ?? '' })}
          columns={[
            { head: t('mergedColumn'), rowHeader: true, cell: (m) => person(m.mergedId, m.mergedCode) },
            { head: t('into'), cell: (m) => person(m.survivorId, m.survivorCode) },
            { head: t('when'), cell: (m) => f.dateTime(m.createdAt) },
            { head: t('by'), cell: (m) => m.createdBy ?? t('formerMember') },
            {
              head: t('undo'),
              headHidden: true,
              cell: (m) =>
                m.undone ? (
                  t('undoneCell')
                ) : (
                  <button type="button" class="secondary small" disabled={busy} onClick={() => onUndo(m.id, m.mergedCode ?? t('theMergedRecord'))} aria-label={t('undoLabel', { merged: m.mergedCode ?? t('aPurgedRecord'), survivor: m.survivorCode ?? t('aPurgedRecord') })}>
                    {t('undo')}
                  </button>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
