// Turns the intake form's fields into report answers. Runs on the server for the no-JS path and
// in the browser before sealing, so both paths seal exactly the same shape.
import { LIMITS, STILL_HELD, WHAT_HAPPENED, YES_NO, reportAnswersV1, type ReportAnswers } from './answers.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';

export type FieldError = { field: string; code: 'required' | 'too-long' | 'unknown-choice' | 'bad-date' | 'bad-number' | 'nothing-said' };
export type FormResult = { ok: true; answers: ReportAnswers } | { ok: false; errors: FieldError[] };

export const FORM_FIELDS = [
  'lang', 'what', 'whatOther', 'whenExact', 'whenRough', 'city', 'place', 'people',
  'stillHeld', 'story', 'contact', 'consentPublic', 'consentLegal',
] as const;

const MAX_LENGTH: Record<string, number> = {
  whatOther: LIMITS.short, whenRough: LIMITS.short, city: LIMITS.short, place: LIMITS.short,
  story: LIMITS.story, contact: LIMITS.contact,
};

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** `fields` maps each name to every value it was sent with (checkboxes repeat). */
export function answersFromForm(fields: Map<string, string[]>, fallbackLang: Language): FormResult {
  const errors: FieldError[] = [];
  const one = (name: string): string | undefined => {
    const value = fields.get(name)?.[0]?.trim();
    return value ? value : undefined;
  };
  const choice = <T extends string>(name: string, options: readonly T[], dflt: T): T => {
    const value = one(name);
    if (value === undefined) return dflt;
    if ((options as readonly string[]).includes(value)) return value as T;
    errors.push({ field: name, code: 'unknown-choice' });
    return dflt;
  };

  for (const name of fields.keys()) {
    if (!(FORM_FIELDS as readonly string[]).includes(name)) errors.push({ field: name, code: 'unknown-choice' });
  }
  for (const [name, max] of Object.entries(MAX_LENGTH)) {
    if ((one(name)?.length ?? 0) > max) errors.push({ field: name, code: 'too-long' });
  }

  const what = fields.get('what') ?? [];
  for (const w of what) if (!(WHAT_HAPPENED as readonly string[]).includes(w)) errors.push({ field: 'what', code: 'unknown-choice' });

  const whenExact = one('whenExact');
  if (whenExact !== undefined && !isRealDate(whenExact)) errors.push({ field: 'whenExact', code: 'bad-date' });

  const peopleText = one('people');
  let people: number | undefined;
  if (peopleText !== undefined) {
    people = /^\d{1,5}$/.test(peopleText) ? Number(peopleText) : NaN;
    if (!Number.isInteger(people) || people < 1 || people > LIMITS.people) errors.push({ field: 'people', code: 'bad-number' });
  }

  const candidate = {
    v: 1 as const,
    lang: choice('lang', LANGUAGES, fallbackLang),
    what: [...new Set(what)],
    whatOther: one('whatOther'),
    whenExact,
    whenRough: one('whenRough'),
    city: one('city'),
    place: one('place'),
    people,
    stillHeld: choice('stillHeld', STILL_HELD, 'unknown'),
    story: one('story'),
    contact: one('contact'),
    consentPublic: choice('consentPublic', YES_NO, 'no'),
    consentLegal: choice('consentLegal', YES_NO, 'no'),
  };
  if (candidate.what.length === 0 && !candidate.story) errors.push({ field: 'story', code: 'nothing-said' });
  if (errors.length > 0) return { ok: false, errors };

  // Drop empty optionals so the sealed JSON carries only what was said.
  const compact = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  const parsed = reportAnswersV1.safeParse(compact);
  if (!parsed.success) return { ok: false, errors: [{ field: 'form', code: 'unknown-choice' }] };
  return { ok: true, answers: parsed.data };
}

export function fieldsFromEntries(entries: Iterable<[string, string]>): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [name, value] of entries) fields.set(name, [...(fields.get(name) ?? []), value]);
  return fields;
}
