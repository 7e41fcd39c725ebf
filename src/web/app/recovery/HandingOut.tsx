// The kit's shares handed out one at a time: each sheet shown once (printable alone), and after
// the last the kit is stored; until then the sheets do not work.
import type { RecoveryKitRequest } from '../../../core/api/recovery.ts';
import type { ShareSheet } from '../../../core/recovery/shares.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { ShareSheetView } from './ShareSheetView.tsx';
import { useWords } from '../i18n/context.tsx';
import { recoveryWords } from './words.ts';

/** The sheets of a kit made and checked not yet handed out (the first is shown; each is dropped after "Next"), and the request that stores the kit. */
export interface Handing {
  sheets: ShareSheet[];
  request: RecoveryKitRequest;
}

interface Props {
  handing: Handing;
  busy: boolean;
  error: string | null;
  onNext: () => void;
  onStore: () => void;
}

export function HandingOut({ handing, busy, error, onNext, onStore }: Props) {
  const sheet = handing.sheets[0]!;
  const last = handing.sheets.length === 1;
  const t = useWords(recoveryWords);
  return (
    <main class="recovery-handing">
      <PageHeading>{t('handOut', { number: sheet.number, of: sheet.of })}</PageHeading>
      <p class="no-print">{t('handOutText', { threshold: sheet.threshold, of: sheet.of, number: sheet.number })}</p>
      <ShareSheetView sheet={sheet} />
      <div class="no-print actions">
        <button type="button" onClick={() => print()}>
          {t('print')}
        </button>
        {last ? (
          <button type="button" disabled={busy} onClick={onStore}>
            {busy ? t('storing') : t('store')}
          </button>
        ) : (
          <button type="button" onClick={onNext}>
            {t('next', { number: sheet.number + 1 })}
          </button>
        )}
      </div>
      <Feedback error={error} />
    </main>
  );
}
