// Linkage as other pages see it: progress while it runs, and how many suggested duplicates are
// still unreviewed ("3 possible duplicates not yet reviewed — review"). From this session's last
// run, made in this browser; nothing of it is sent to the server.
import type { Vault } from '../session/vault.ts';
import type { LinkProgress } from './linker.ts';
import { useLinkage } from './use-linkage.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';

const STAGES = {
  loading: 'stageLoading',
  preparing: 'stagePreparing',
  comparing: 'stageComparing',
  fitting: 'stageFitting',
  clustering: 'stageClustering',
} as const satisfies Record<LinkProgress['stage'], keyof (typeof linkageWords)['en']>;

export function LinkProgressView({ progress }: { progress: LinkProgress | null }) {
  const t = useWords(linkageWords);
  const f = useFormats();
  if (!progress) return null;
  const stage = t(STAGES[progress.stage]);
  const counted = progress.stage === 'comparing' && progress.total > 0;
  return (
    <div class="link-progress" data-link-progress={progress.stage}>
      <p role="status">
        {counted ? t('stageCounted', { stage, done: f.number(progress.done), total: f.number(progress.total) }) : t('stageNow', { stage })}
      </p>
      <progress aria-label={t('looking')} {...(counted ? { max: progress.total, value: progress.done } : {})} />
    </div>
  );
}

/**
 * The note on the dashboard, the export and the document pages; nothing for members who cannot
 * read names. It reads this session's linkage and never starts one: comparing everyone takes
 * seconds to a minute on a large list, which a member opening the dashboard did not ask for.
 */
export function UnreviewedDuplicates({ vault }: { vault: Vault }) {
  const { linker, run, progress, error } = useLinkage(vault, { start: false });
  const t = useWords(linkageWords);
  const f = useFormats();
  if (!linker) return null;
  if (!run) {
    return (
      <p class="duplicates-note" role="status" data-unreviewed-unknown>
        {progress ? t('lookingNow') : error ? t('couldNotLookNote', { error }) : t('mayCountTwice')}{' '}
        {!progress && <a href="#duplicates">{t('checkForDuplicates')}</a>}
      </p>
    );
  }
  const open = linker.open(run).length;
  return (
    <p class="duplicates-note" data-unreviewed={open}>
      {open === 0 ? (
        t('noneWaiting')
      ) : (
        <>
          {t('unreviewed', { count: open })} <a href="#duplicates">{t('review')}</a>
        </>
      )}
    </p>
  );
}
