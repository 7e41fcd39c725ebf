// Possible duplicates (issue 11): records that may be one person, found in this browser by the
// linkage worker, ranked and explained field by field. "Same person" merges (the server moves the
// acts, sources and follow-up, keeps both records and can undo it), "Different people" is
// remembered and never suggested again, "Not sure" skips for this session. The server is told
// record ids only.
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import { pairKey } from '../../../core/linkage/decisions.ts';
import { entryLabel, useRegistry } from '../records/client.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';
import { useLinkage } from './use-linkage.ts';
import { useDecisions } from './use-decisions.ts';
import { LinkProgressView } from './LinkStatus.tsx';
import { reviewItems } from './review.ts';
import { ReviewCard } from './ReviewCard.tsx';
import { MergesMade } from './MergesMade.tsx';

export function DuplicatesPage({ vault }: { vault: Vault }) {
  const { linker, run, progress, error: runError } = useLinkage(vault, { start: true });
  const { entries } = useRegistry(vault);
  const { error, said, busy, merge, different, undo } = useDecisions(vault, linker);
  const t = useWords(linkageWords);
  const { language } = useLanguage();
  if (!linker) {
    return (
      <main class="wide-ish">
        <PageHeading>{t('title')}</PageHeading>
        <p>{t('noKey')}</p>
      </main>
    );
  }
  const place = (id: string) => {
    const entry = entries.find((e) => e.id === id);
    return entry ? entryLabel(entry, language) : t('unknownPlace');
  };

  const open = run ? linker.open(run) : [];
  const items = run ? reviewItems(run, open, linker.notSure) : [];
  const skipped = open.length - items.reduce((n, item) => n + item.pairs.length, 0);
  return (
    <main class="wide-ish" data-duplicates-page>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <LinkProgressView progress={progress} />
      <Feedback error={error ?? (runError && !progress ? t('couldNotLook', { error: runError }) : null)} said={said} />
      {run && (
        <p data-open-pairs={open.length}>
          {open.length === 0 ? t('noneWaiting') : t('toReview', { pairs: open.length })} {t('compared', { people: run.people.length })}
        </p>
      )}
      <button type="button" class="secondary small" disabled={linker.isRunning} onClick={() => void linker.run().catch(() => undefined)}>
        {t('lookAgain')}
      </button>
      {run && (
        <ol class="cards review-list">
          {items.map((item) => (
            <ReviewCard key={item.key} run={run} item={item} place={place} busy={busy} onMerge={merge} onDifferent={different} onNotSure={(pair) => linker.skip(pairKey(pair.a, pair.b))} />
          ))}
        </ol>
      )}
      {skipped > 0 && (
        <p>
          {t('skipped', { count: skipped })}{' '}
          <button type="button" class="link" onClick={() => linker.unskipAll()}>
            {t('showAgain')}
          </button>
        </p>
      )}
      {run && <MergesMade run={run} busy={busy} onUndo={undo} />}
    </main>
  );
}
