// What the report form says back on the page: an alert above it and each field's error beside
// the field, linked for screen readers; cleared before the next try.
import type { FieldError } from '../../core/report/form.ts';
import { formatCodename } from '../../core/crypto/codename.ts';

export function clearErrors(form: HTMLFormElement): void {
  for (const el of Array.from(document.querySelectorAll('.js-error'))) el.remove();
  for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) {
    el.removeAttribute('aria-invalid');
    const kept = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-js-error'));
    if (kept.length) el.setAttribute('aria-describedby', kept.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

export function showAlert(form: HTMLFormElement, text: string): void {
  const alert = document.createElement('div');
  alert.className = 'alert js-error';
  alert.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = text;
  alert.append(p);
  form.before(alert);
  alert.scrollIntoView({ block: 'center' });
}

/** `messages`: the page's words for each error code (the form's data-errors). */
export function showFieldErrors(form: HTMLFormElement, errors: FieldError[], messages: Record<string, string>): void {
  showAlert(form, form.dataset.fix ?? '');
  for (const error of errors) {
    const field = form.querySelector(`[name="${error.field}"]`);
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

/** The receipt (the page's template) in place of the form, with the new report's codename. */
export function showReceipt(form: HTMLFormElement, codename: string): void {
  const template = document.getElementById('receipt-template') as HTMLTemplateElement;
  const receipt = template.content.cloneNode(true) as DocumentFragment;
  const code = receipt.querySelector('[data-codename]') as HTMLElement;
  code.dataset.codename = codename;
  code.textContent = formatCodename(codename);
  // The evidence form on the receipt names the report by its codename, like the status page's forms.
  for (const input of Array.from(receipt.querySelectorAll<HTMLInputElement>('input[name=codename]'))) input.value = codename;
  const main = document.getElementById('main')!;
  form.reset();
  main.replaceChildren(receipt);
  (main.querySelector('h1') as HTMLElement | null)?.focus();
}
