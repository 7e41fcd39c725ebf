// One trustee's share as printed: its heading, the words numbered in rows a person can type back,
// and a QR code of the same text. Printing shows this sheet alone, on a page of its own. It names
// no organization: a trustee found with it is not tied to the group by the sheet alone. Its words are
// the administrator's language; the share's words are the standard English list, and the QR code keeps
// the English heading parseShare reads.
import { renderSVG } from 'uqr';
import type { ShareSheet } from '../../../core/recovery/shares.ts';
import { useWords } from '../i18n/context.tsx';
import { recoveryWords } from './words.ts';

export function ShareSheetView({ sheet }: { sheet: ShareSheet }) {
  const words = sheet.words.split(' ');
  const t = useWords(recoveryWords);
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(sheet.qr, { ecc: 'M' }))}`;
  return (
    <article class="share-sheet" aria-label={t('sheetLabel', { number: sheet.number })}>
      <h2>{t('sheetHeading', { number: sheet.number, of: sheet.of, threshold: sheet.threshold, kit: sheet.kitId })}</h2>
      <p>{t('sheetText', { threshold: sheet.threshold, of: sheet.of })}</p>
      <p>{t('sheetWordsNote')}</p>
      <ol class="share-words" lang="en">
        {words.map((word, i) => (
          <li key={i} value={i + 1}>
            {word}
          </li>
        ))}
      </ol>
      <img class="share-qr" src={qr} alt={t('qrAlt', { number: sheet.number })} width={220} height={220} />
    </article>
  );
}
