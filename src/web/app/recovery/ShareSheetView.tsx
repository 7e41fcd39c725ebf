// One trustee's share as printed: its heading, the words numbered in rows a person can type back,
// and a QR code of the same text. Printing shows this sheet alone, on a page of its own. It names
// no organization: a trustee found with it is not tied to the group by the sheet alone.
import { renderSVG } from 'uqr';
import { shareHeading, type ShareSheet } from '../../../core/recovery/shares.ts';

export function ShareSheetView({ sheet }: { sheet: ShareSheet }) {
  const words = sheet.words.split(' ');
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(sheet.qr, { ecc: 'M' }))}`;
  return (
    <article class="share-sheet" aria-label={`Share ${sheet.number}`}>
      <h2>{shareHeading(sheet)}</h2>
      <p>
        A recovery share. Any {sheet.threshold} of the {sheet.of} trustees together can give the keys to an administrator,
        or lock everything down, at <code>/recover</code>. Keep this sheet hidden and apart from the others; never photograph
        it or type it anywhere else.
      </p>
      <ol class="share-words">
        {words.map((word, i) => (
          <li key={i} value={i + 1}>
            {word}
          </li>
        ))}
      </ol>
      <img class="share-qr" src={qr} alt={`QR code of share ${sheet.number}: the same words`} width={220} height={220} />
    </article>
  );
}
