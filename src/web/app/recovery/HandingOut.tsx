// The kit's shares handed out one at a time: each sheet shown once (printable alone), and after
// the last the kit is stored; until then the sheets do not work.
import type { RecoveryKitRequest } from '../../../core/api/recovery.ts';
import type { ShareSheet } from '../../../core/recovery/shares.ts';
import { PageHeading } from '../PageHeading.tsx';
import { Feedback } from '../Feedback.tsx';
import { ShareSheetView } from './ShareSheetView.tsx';

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
  return (
    <main class="recovery-handing">
      <PageHeading>
        Hand out share {sheet.number} of {sheet.of}
      </PageHeading>
      <p class="no-print">
        Every {sheet.threshold} of these {sheet.of} shares were checked to give back the kit's key. Print this sheet (or let
        trustee {sheet.number} copy the words by hand) and give it to them alone. It is shown once: after "Next", this browser
        forgets it. The kit works once stored, after the last sheet; if storing fails, the sheets never work.
      </p>
      <ShareSheetView sheet={sheet} />
      <div class="no-print actions">
        <button type="button" onClick={() => print()}>
          Print this sheet
        </button>
        {last ? (
          <button type="button" disabled={busy} onClick={onStore}>
            {busy ? 'Storing…' : 'All shares handed out: store the kit'}
          </button>
        ) : (
          <button type="button" onClick={onNext}>
            Next: share {sheet.number + 1}
          </button>
        )}
      </div>
      <Feedback error={error} />
    </main>
  );
}
