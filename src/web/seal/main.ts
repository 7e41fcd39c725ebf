// The public pages' only script. Without it everything still works (the server seals on
// arrival); with it the report is sealed here, so the server never sees the plaintext.
import { answersFromForm, fieldsFromEntries, type FieldError } from '../../core/report/form.ts';
import { LANGUAGES, type Language } from '../../core/report/answers.ts';
import { newCodename, formatCodename } from '../../core/crypto/codename.ts';
import { statusKeyOf } from '../../core/crypto/status-key.ts';
import { reporterKeyPair } from '../../core/crypto/reporter-key.ts';
import { SealedKind, sealTo } from '../../core/crypto/sealed.ts';
import { fromBase64Url, toBase64Url, utf8 } from '../../core/crypto/bytes.ts';

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
    for (const el of Array.from(form!.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
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
      (field.closest('fieldset') ?? field).append(p);
      field.setAttribute('aria-invalid', 'true');
    }
  }

  function showReceipt(codename: string): void {
    const template = document.getElementById('receipt-template') as HTMLTemplateElement;
    const receipt = template.content.cloneNode(true) as DocumentFragment;
    const code = receipt.querySelector('[data-codename]') as HTMLElement;
    code.dataset.codename = codename;
    code.textContent = formatCodename(codename);
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
    try {
      const [envelope, statusKey, reporter] = await Promise.all([
        sealTo(SealedKind.report, { publicKey, keyId }, utf8(JSON.stringify(result.answers))),
        statusKeyOf(codename),
        reporterKeyPair(codename),
      ]);
      reporter.privateKey.fill(0);
      body = JSON.stringify({ v: 1, lang, envelope: toBase64Url(envelope), statusKey: toBase64Url(statusKey), reporterKey: toBase64Url(reporter.publicKey) });
    } catch {
      // This browser cannot seal (no WebAssembly or WebCrypto): send the form as without
      // JavaScript; the server seals it on arrival.
      form.submit();
      return;
    }
    try {
      const response = await fetch('/api/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
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

quickExit();
sealingForm();
