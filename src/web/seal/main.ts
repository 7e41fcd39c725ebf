// The public pages' only script. Without it everything still works (the server seals on
// arrival); with it the report is sealed here, so the server never sees the plaintext.
import { answersFromForm, fieldsFromEntries, type FieldError } from '../../core/report/form.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { newCodename, formatCodename, parseCodename } from '../../core/crypto/codename.ts';
import { statusKeyOf } from '../../core/crypto/status-key.ts';
import { reporterKeyPair } from '../../core/crypto/reporter-key.ts';
import { SealedKind, sealTo } from '../../core/crypto/sealed.ts';
import { fromBase64Url, toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { encodeParts } from '../../core/api/parts-frame.ts';
import { sealAttachment } from '../../core/evidence/attachment.ts';
import { strippedImage } from '../shared/strip-image.ts';
import { PROOF_FIELD, PROOF_HEADER, solveSome, type PowFamily } from '../../core/pow/proof.ts';

/** Longest a proof may take on average on this device before the script sends without one. */
const SOLVE_BUDGET_MS = 30_000;

/** Hands the page back between slices of work; unlike a timer, not slowed in a background tab. */
function yieldToPage(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * A proof of work for one request, solved in slices of ~40 ms so the page stays responsive; null
 * if there is none to be had (proofs off, network trouble) or this device would take too long
 * (JavaScript without its JIT, as in Tor Browser's "Safer" level, is ~70 times slower). Then the
 * request goes without one and counts against the shared per-client limit, as with JavaScript off.
 */
async function proofFor(family: PowFamily): Promise<string | null> {
  try {
    const response = await fetch(`/api/pow?for=${family}`, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    const { challenge, bits } = (await response.json()) as { challenge?: unknown; bits?: unknown };
    if (!response.ok || typeof challenge !== 'string' || typeof bits !== 'number') return null;
    const started = performance.now();
    for (let from = 0; ; await yieldToPage()) {
      for (const slice = performance.now() + 40; performance.now() < slice; from += 256) {
        const proof = solveSome(challenge, bits, from, 256);
        if (proof) return proof;
      }
      // Two seconds in, the pace so far says how long the whole takes on average.
      const spent = performance.now() - started;
      if (spent > 2000 && (spent / from) * 2 ** bits > SOLVE_BUDGET_MS) return null;
      if (spent > 2 * SOLVE_BUDGET_MS) return null;
    }
  } catch {
    // No proof: the request is sent without one.
  }
  return null;
}

/**
 * POSTs with a proof of work in the header. A refused proof (the difficulty rose while it was
 * solved) is solved once more; if that is refused too, the request goes without a proof.
 */
async function sendProven(family: PowFamily, url: string, init: RequestInit & { headers: Record<string, string> }, first = proofFor(family)): Promise<Response> {
  const send = (proof: string | null) =>
    fetch(url, { ...init, method: 'POST', headers: { ...init.headers, ...(proof ? { [PROOF_HEADER]: proof } : {}) }, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
  const refused = async (response: Response) =>
    response.status === 400 && ((await response.clone().json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code === 'proof-refused';
  let response = await send(await first);
  if (await refused(response)) response = await send(await proofFor(family));
  if (await refused(response)) response = await send(null);
  return response;
}

function quickExit(): void {
  const link = document.getElementById('quick-exit') as HTMLAnchorElement | null;
  if (!link) return;
  const leave = (event?: Event) => {
    event?.preventDefault();
    // replace(): the page we leave does not stay in history for the back button.
    location.replace(link.href);
  };
  link.addEventListener('click', leave);
  let escapes = 0;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    escapes += 1;
    if (escapes >= 2) leave();
    setTimeout(() => (escapes = 0), 1000);
  });
}

function sealingForm(): void {
  const form = document.getElementById('report') as HTMLFormElement | null;
  const publicKey = form && fromBase64Url(form.dataset.key ?? '');
  if (!form || !publicKey) return;
  const keyId = form.dataset.keyId ?? '';
  const messages = JSON.parse(form.dataset.errors ?? '{}') as Record<string, string>;
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
  const buttonText = button.textContent;
  const lang = (LANGUAGES as readonly string[]).includes(document.documentElement.lang) ? (document.documentElement.lang as Language) : 'en';

  function clearErrors(): void {
    for (const el of Array.from(document.querySelectorAll('.js-error'))) el.remove();
    for (const el of Array.from(form!.querySelectorAll('[aria-invalid]'))) {
      el.removeAttribute('aria-invalid');
      const kept = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-js-error'));
      if (kept.length) el.setAttribute('aria-describedby', kept.join(' '));
      else el.removeAttribute('aria-describedby');
    }
  }

  function showAlert(text: string): void {
    const alert = document.createElement('div');
    alert.className = 'alert js-error';
    alert.setAttribute('role', 'alert');
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = text;
    alert.append(p);
    form!.before(alert);
    alert.scrollIntoView({ block: 'center' });
  }

  function showFieldErrors(errors: FieldError[]): void {
    showAlert(form!.dataset.fix ?? '');
    for (const error of errors) {
      const field = form!.querySelector(`[name="${error.field}"]`);
      if (!field) continue;
      const p = document.createElement('p');
      p.className = 'error js-error';
      p.textContent = messages[error.code] ?? '';
      p.id = `${error.field}-js-error`;
      // After the field, never inside it: a textarea's children are its text, not shown.
      const group = field.closest('fieldset');
      if (group) group.append(p);
      else field.after(p);
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', [field.getAttribute('aria-describedby'), p.id].filter(Boolean).join(' '));
    }
  }

  function showReceipt(codename: string): void {
    const template = document.getElementById('receipt-template') as HTMLTemplateElement;
    const receipt = template.content.cloneNode(true) as DocumentFragment;
    const code = receipt.querySelector('[data-codename]') as HTMLElement;
    code.dataset.codename = codename;
    code.textContent = formatCodename(codename);
    // The evidence form on the receipt names the report by its codename, like the status page's forms.
    for (const input of Array.from(receipt.querySelectorAll<HTMLInputElement>('input[name=codename]'))) input.value = codename;
    const main = document.getElementById('main')!;
    form!.reset();
    main.replaceChildren(receipt);
    (main.querySelector('h1') as HTMLElement | null)?.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const entries: [string, string][] = [];
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') entries.push([name, value]);
    });
    const result = answersFromForm(fieldsFromEntries(entries), lang);
    if (!result.ok) return showFieldErrors(result.errors);

    button.disabled = true;
    button.textContent = form.dataset.sending ?? '';
    let body: string;
    const codename = newCodename();
    // Solved while the report is sealed.
    const proof = proofFor('report');
    try {
      const [envelope, statusKey, reporter] = await Promise.all([
        sealTo(SealedKind.report, { publicKey, keyId }, utf8(JSON.stringify(result.answers))),
        statusKeyOf(codename),
        reporterKeyPair(codename),
      ]);
      reporter.privateKey.fill(0);
      // urgent: the one bit the server learns (to tell the team at once; held in its memory, never stored).
      body = JSON.stringify({ v: 1, lang, envelope: toBase64Url(envelope), statusKey: toBase64Url(statusKey), reporterKey: toBase64Url(reporter.publicKey), urgent: result.answers.stillHeld === 'yes' });
    } catch {
      // This browser cannot seal (no WebAssembly or WebCrypto): send the form as without
      // JavaScript; the server seals it on arrival.
      form.submit();
      return;
    }
    try {
      const response = await sendProven('report', '/api/reports', { headers: { 'content-type': 'application/json' }, body }, proof);
      if (response.ok) return showReceipt(codename);
      const problem = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      showAlert(problem?.error?.message ?? messages.unavailable ?? '');
    } catch {
      showAlert(messages.unavailable ?? '');
    }
    button.disabled = false;
    button.textContent = buttonText;
  });
}

/**
 * The evidence form (receipt and status pages): with JavaScript, photos are stripped of their
 * metadata here and every file is sealed here before it leaves; without, the plain form goes to
 * the server, which does the same in memory.
 */
function sealingEvidence(): void {
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
      const files = [];
      const parts: (Uint8Array | null)[] = [];
      for (const file of chosen) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const working = await strippedImage({ type: file.type, bytes });
        const id = crypto.randomUUID();
        const sealed = await sealAttachment(id, { name: file.name, type: file.type || 'application/octet-stream', bytes }, working, { publicKey, keyId });
        bytes.fill(0);
        working?.bytes.fill(0);
        files.push({ id, size: file.size });
        parts.push(sealed.keyEnvelope, sealed.meta, sealed.original, sealed.working, sealed.receipt);
      }
      body = encodeParts({ v: 1, statusKey: toBase64Url(await statusKeyOf(parsed.digits)), files }, parts);
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

/**
 * The status forms (check, answer, delete) stay plain forms; the script only adds a proof of work
 * as a hidden field, so the check is not counted against the limit everyone behind the same
 * address shares. Without a proof the form is sent as it is.
 */
function provenStatusForms(): void {
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !/^\/status(\/answer|\/delete)?(\?|$)/.test(form.getAttribute('action') ?? '')) return;
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (button) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    form.querySelector(`input[name=${PROOF_FIELD}]`)?.remove();
    const proof = await proofFor('status');
    if (proof) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = PROOF_FIELD;
      input.value = proof;
      form.append(input);
    }
    form.submit();
  });
  // Back to this page from the next one: the forms are usable again.
  addEventListener('pageshow', () => {
    for (const form of Array.from(document.querySelectorAll('form[aria-busy]'))) {
      form.removeAttribute('aria-busy');
      for (const button of Array.from(form.querySelectorAll<HTMLButtonElement>('button[type=submit]'))) button.disabled = false;
    }
  });
}

quickExit();
sealingForm();
sealingEvidence();
provenStatusForms();
