// The evidence form, sealed here before it leaves.
import { parseCodename } from '../../core/crypto/codename.ts';
import { statusKeyOf } from '../../core/crypto/status-key.ts';
import type { PublicRecipient } from '../../core/crypto/sealed.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { encodeParts } from '../../core/api/parts-frame.ts';
import { sealAttachment } from '../../core/evidence/attachment.ts';
import { strippedImage } from '../shared/strip-image.ts';
import { proofFor, sendProven } from './proof.ts';

/** The /api/evidence body: each file stripped (photos) and sealed, the plain bytes wiped after. */
async function sealedFiles(chosen: File[], intakeKey: PublicRecipient, codenameDigits: string): Promise<Uint8Array> {
  const files = [];
  const parts: (Uint8Array | null)[] = [];
  for (const file of chosen) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const working = await strippedImage({ type: file.type, bytes });
    const id = crypto.randomUUID();
    const sealed = await sealAttachment(id, { name: file.name, type: file.type || 'application/octet-stream', bytes }, working, intakeKey);
    bytes.fill(0);
    working?.bytes.fill(0);
    files.push({ id, size: file.size });
    parts.push(sealed.keyEnvelope, sealed.meta, sealed.original, sealed.working, sealed.receipt);
  }
  return encodeParts({ v: 1, statusKey: toBase64Url(await statusKeyOf(codenameDigits)), files }, parts);
}

/**
 * The evidence form (receipt and status pages): with JavaScript, photos are stripped of their
 * metadata here and every file is sealed here before it leaves; without, the plain form goes to
 * the server, which does the same in memory.
 */
export function sealingEvidence(): void {
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches('form.evidence[data-key]')) return;
    const publicKey = fromBase64Url(form.dataset.key ?? '');
    const keyId = form.dataset.keyId ?? '';
    const input = form.querySelector<HTMLInputElement>('input[type=file]');
    const codename = form.querySelector<HTMLInputElement>('input[name=codename]')?.value ?? '';
    const chosen = Array.from(input?.files ?? []);
    const parsed = parseCodename(codename);
    if (!publicKey || !parsed.ok || chosen.length === 0 || chosen.length > 5) return; // the server says what is wrong
    event.preventDefault();
    const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
    const buttonText = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.sending ?? '';
    // Solved while the files are stripped and sealed.
    const proof = proofFor('evidence');
    let body: Uint8Array;
    try {
      body = await sealedFiles(chosen, { publicKey, keyId }, parsed.digits);
    } catch {
      // This browser cannot strip or seal: send the plain form; the server does it on arrival.
      form.submit();
      return;
    }
    const say = (text: string, role: 'status' | 'alert') => {
      form.querySelector('.js-said')?.remove();
      const p = document.createElement('p');
      p.className = `js-said${role === 'alert' ? ' error' : ''}`;
      p.setAttribute('role', role);
      p.textContent = text;
      form.append(p);
    };
    try {
      const response = await sendProven('evidence', '/api/evidence', { headers: { 'content-type': 'application/vnd.vigil.attachment' }, body: body as BodyInit }, proof);
      if (response.ok) {
        // The server words "received N files" for 1 to 5 (the most one form takes), plural forms and all.
        say((JSON.parse(form.dataset.received ?? '[]') as string[])[chosen.length - 1] ?? '', 'status');
        form.reset();
      } else {
        const problem = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        say(problem?.error?.message ?? '', 'alert');
      }
    } catch {
      form.submit();
      return;
    }
    button.disabled = false;
    button.textContent = buttonText;
  });
}

