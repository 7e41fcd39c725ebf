// The ways a made document leaves the page: printed, or saved as PDF, HTML (and JSON for a UN
// communication). Each tells the audit log that it was made, never what it says.
import type { ComponentChildren } from 'preact';
import { useWords } from '../i18n/context.tsx';
import { audit, saveDocument, type FileFormat, type MadeDocument } from './files.ts';
import type { PageFeedback } from '../ui/use-feedback.ts';
import { documentsWords } from './words.ts';

const READY = { pdf: 'pdfReady', html: 'htmlReady', json: 'jsonReady' } as const satisfies Record<FileFormat, string>;

export function DocumentActions({ made, feedback, json = false, children }: { made: MadeDocument | null; feedback: PageFeedback; json?: boolean; children?: ComponentChildren }) {
  const t = useWords(documentsWords);
  const off = feedback.busy || !made;

  function save(format: FileFormat) {
    if (!made) return;
    void feedback.attempt(async () => {
      await saveDocument(made, format);
      await audit(made.document, 'generated', format, made.people);
      feedback.setSaid(t(READY[format]));
    }, t('fileFailed'));
  }

  async function print() {
    if (!made) return;
    // The page is printed even if the audit log could not be told.
    await audit(made.document, 'generated', 'print', made.people).catch(() => undefined);
    window.print();
  }

  return (
    <div class="actions">
      <button type="button" onClick={() => void print()} disabled={off}>
        {t('print')}
      </button>
      <button type="button" onClick={() => save('pdf')} disabled={off}>
        {t('downloadPdf')}
      </button>
      <button type="button" class="secondary" onClick={() => save('html')} disabled={off}>
        {t('downloadHtml')}
      </button>
      {json && (
        <button type="button" class="secondary" onClick={() => save('json')} disabled={off}>
          {t('downloadJson')}
        </button>
      )}
      {children}
    </div>
  );
}
