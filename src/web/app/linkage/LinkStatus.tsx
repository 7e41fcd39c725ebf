// Linkage as other pages see it: progress while it runs, and how many suggested duplicates are
// still unreviewed ("3 possible duplicates not yet reviewed — review"). From this session's last
// run, made in this browser; nothing of it is sent to the server.
import type { Vault } from '../vault.ts';
import type { LinkProgress } from './linker.ts';
import { useLinkage } from './use-linkage.ts';

const STAGES: Record<LinkProgress['stage'], string> = {
  loading: 'Opening the people on record',
  preparing: 'Reading the names',
  comparing: 'Comparing likely pairs',
  fitting: 'Weighing what agrees',
  clustering: 'Grouping records of one person',
};

export function LinkProgressView({ progress }: { progress: LinkProgress | null }) {
  if (!progress) return null;
  const counted = progress.stage === 'comparing' && progress.total > 0;
  return (
    <div class="link-progress" data-link-progress={progress.stage}>
      <p role="status">
        {STAGES[progress.stage]}
        {counted ? `: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}` : ''}…
      </p>
      <progress aria-label="Looking for possible duplicates" {...(counted ? { max: progress.total, value: progress.done } : {})} />
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
  if (!linker) return null;
  if (!run) {
    return (
      <p class="duplicates-note" role="status" data-unreviewed-unknown>
        {progress ? 'Looking for possible duplicates…' : error ? `Possible duplicates could not be looked for: ${error}. ` : 'Counts may include people recorded twice. '}
        {!progress && <a href="#duplicates">Check for duplicates</a>}
      </p>
    );
  }
  const open = linker.open(run).length;
  return (
    <p class="duplicates-note" data-unreviewed={open}>
      {open === 0 ? (
        'No possible duplicates waiting for review.'
      ) : (
        <>
          {open === 1 ? 'One possible duplicate' : `${open.toLocaleString('en')} possible duplicates`} not yet reviewed — <a href="#duplicates">review</a>
        </>
      )}
    </p>
  );
}
