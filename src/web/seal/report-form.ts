// The report form: checked here with the server's own schema, sealed here to the intake key, and
// sent with a proof of work; the receipt shows the codename. A browser that cannot seal sends
// the plain form, which the server seals on arrival.
import { answersFromForm, fieldsFromEntries } from '../../core/report/form.ts';
import type { ReportAnswers } from '../../core/report/answers.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { newCodename } from '../../core/crypto/codename.ts';
import { statusKeyOf } from '../../core/crypto/status-key.ts';
import { reporterKeyPair } from '../../core/crypto/reporter-key.ts';
import { SealedKind, sealTo, type PublicRecipient } from '../../core/crypto/sealed.ts';
import { fromBase64Url, toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import type { SealedReport } from '../../core/api/intake.ts';
import { proofFor, sendProven } from './proof.ts';
import { clearErrors, showAlert, showFieldErrors, showReceipt } from './form-messages.ts';

/** The body of /api/reports: the answers sealed, the status and reporter keys from the codename. */
async function sealedReport(answers: ReportAnswers, lang: Language, intakeKey: PublicRecipient, codename: string): Promise<SealedReport> {
  const [envelope, statusKey, reporter] = await Promise.all([
    sealTo(SealedKind.report, intakeKey, utf8(JSON.stringify(answers))),
    statusKeyOf(codename),
    reporterKeyPair(codename),
  ]);
  reporter.privateKey.fill(0);
  // urgent: the one bit the server learns (to tell the team at once; held in its memory, never stored).
  return { v: 1, lang, envelope: toBase64Url(envelope), statusKey: toBase64Url(statusKey), reporterKey: toBase64Url(reporter.publicKey), urgent: answers.stillHeld === 'yes' };
}

function formFields(form: HTMLFormElement) {
  const entries: [string, string][] = [];
  new FormData(form).forEach((value, name) => {
    if (typeof value === 'string') entries.push([name, value]);
  });
  return fieldsFromEntries(entries);
}

export function sealingForm(): void {
  const form = document.getElementById('report') as HTMLFormElement | null;
  const publicKey = form && fromBase64Url(form.dataset.key ?? '');
  if (!form || !publicKey) return;
  const intakeKey = { publicKey, keyId: form.dataset.keyId ?? '' };
  const messages = JSON.parse(form.dataset.errors ?? '{}') as Record<string, string>;
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
  const buttonText = button.textContent;
  const lang = (LANGUAGES as readonly string[]).includes(document.documentElement.lang) ? (document.documentElement.lang as Language) : 'en';

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const result = answersFromForm(formFields(form), lang);
    if (!result.ok) return showFieldErrors(form, result.errors, messages);

    button.disabled = true;
    button.textContent = form.dataset.sending ?? '';
    let body: string;
    const codename = newCodename();
    // Solved while the report is sealed.
    const proof = proofFor('report');
    try {
      body = JSON.stringify(await sealedReport(result.answers, lang, intakeKey, codename));
    } catch {
      // This browser cannot seal (no WebAssembly or WebCrypto): send the form as without
      // JavaScript; the server seals it on arrival.
      form.submit();
      return;
    }
    try {
      const response = await sendProven('report', '/api/reports', { headers: { 'content-type': 'application/json' }, body }, proof);
      if (response.ok) return showReceipt(form, codename);
      const problem = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      showAlert(form, problem?.error?.message ?? messages.unavailable ?? '');
    } catch {
      showAlert(form, messages.unavailable ?? '');
    }
    button.disabled = false;
    button.textContent = buttonText;
  });
}
