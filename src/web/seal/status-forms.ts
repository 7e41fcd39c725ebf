// The status forms stay plain forms; the script adds a proof of work.
import { PROOF_FIELD } from '../../core/pow/proof.ts';
import { proofFor } from './proof.ts';

/**
 * The status forms (check, answer, delete) stay plain forms; the script only adds a proof of work
 * as a hidden field, so the check is not counted against the limit everyone behind the same
 * address shares. Without a proof the form is sent as it is.
 */
export function provenStatusForms(): void {
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

