import { html, raw, type Raw } from './html.ts';
import { page, type PageContext, type SealingKey } from './layout.ts';
import { translator } from '../../core/i18n/message.ts';
import { errorText, type ErrorCode } from '../../core/i18n/error-words.ts';
import { stillHeldWords, whatHappenedWords } from '../../core/i18n/report-choice-words.ts';
import { intakeWords, receiptWords } from './intake-words.ts';
import { layoutWords } from './layout-words.ts';
import { alertsWords } from './alerts-words.ts';
import { STILL_HELD, WHAT_HAPPENED, YES_NO, LIMITS } from '../../core/report/answers.ts';
import type { FieldError } from '../../core/report/form.ts';
import { formatCodename } from '../../core/crypto/codename.ts';
import { evidenceForm } from './evidence.ts';

export interface IntakeFormState {
  values: Map<string, string[]>;
  errors: FieldError[];
  /** A message for the whole form (e.g. too many attempts), shown above it. */
  alert?: ErrorCode;
}

const EMPTY: IntakeFormState = { values: new Map(), errors: [] };

function errorFor(ctx: PageContext, state: IntakeFormState, field: string): Raw | '' {
  const error = state.errors.find((e) => e.field === field);
  return error ? html`<p class="error" id="${field}-error">${errorText(ctx.lang, error.code)}</p>` : '';
}

function described(state: IntakeFormState, field: string, hint?: string): Raw {
  const ids = [hint, state.errors.some((e) => e.field === field) ? `${field}-error` : undefined].filter(Boolean);
  const invalid = state.errors.some((e) => e.field === field);
  return raw(`${ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''}${invalid ? ' aria-invalid="true"' : ''}`);
}

/** Error texts the sealing script shows when it checks the form in the browser. */
const SCRIPT_ERRORS = ['required', 'too-long', 'unknown-choice', 'bad-date', 'bad-number', 'nothing-said', 'unavailable', 'bad-envelope', 'stale-key', 'rate-limited', 'too-large'] as const;

export function intakePage(ctx: PageContext, key: SealingKey, state: IntakeFormState = EMPTY): string {
  const t = translator(intakeWords, ctx.lang);
  const shared = translator(layoutWords, ctx.lang);
  const value = (name: string) => state.values.get(name)?.[0] ?? '';
  const checked = (name: string, option: string, dflt = false) =>
    (state.values.has(name) ? state.values.get(name)!.includes(option) : dflt) ? raw(' checked') : '';
  const radios = (name: string, options: readonly string[], labels: Record<string, string>, dflt: string) =>
    options.map(
      (o) => html`<div class="choice"><input type="radio" id="${name}-${o}" name="${name}" value="${o}"${checked(name, o, o === dflt)}><label for="${name}-${o}">${labels[o]}</label></div>`,
    );
  const alertText = state.alert ? errorText(ctx.lang, state.alert) : state.errors.length ? t('fixBelow') : null;
  const alert = alertText ? html`<div class="alert" role="alert"><p class="error">${alertText}</p></div>` : '';
  const body = html`<h1>${t('formTitle')}</h1>${alert}<p>${t('intro')}</p><p class="hint">${t('safetyTip')}</p>
<form id="report" method="post" action="/report?lang=${ctx.lang}" accept-charset="utf-8" novalidate data-key="${key.publicKey}" data-key-id="${key.keyId}" data-sending="${shared('sending')}" data-fix="${t('fixBelow')}" data-errors="${JSON.stringify(Object.fromEntries(SCRIPT_ERRORS.map((c) => [c, errorText(ctx.lang, c)])))}">
<input type="hidden" name="lang" value="${ctx.lang}">
<fieldset${described(state, 'what')}><legend>${t('whatTitle')}</legend>${WHAT_HAPPENED.map(
    (w) => html`<div class="choice"><input type="checkbox" id="what-${w}" name="what" value="${w}"${checked('what', w)}><label for="what-${w}">${whatHappenedWords[ctx.lang][w]}</label></div>`,
  )}
<label for="whatOther">${t('whatOther')}</label><input type="text" id="whatOther" name="whatOther" maxlength="${LIMITS.short}" value="${value('whatOther')}"${described(state, 'whatOther')}>${errorFor(ctx, state, 'whatOther')}${errorFor(ctx, state, 'what')}</fieldset>
<fieldset><legend>${t('whenTitle')}</legend>
<label for="whenExact">${t('whenExact')}</label><input type="date" id="whenExact" name="whenExact" value="${value('whenExact')}"${described(state, 'whenExact')}>${errorFor(ctx, state, 'whenExact')}
<label for="whenRough">${t('whenRough')}</label><input type="text" id="whenRough" name="whenRough" maxlength="${LIMITS.short}" value="${value('whenRough')}"${described(state, 'whenRough')}>${errorFor(ctx, state, 'whenRough')}</fieldset>
<fieldset><legend>${t('whereTitle')}</legend>
<label for="city">${t('city')}</label><input type="text" id="city" name="city" maxlength="${LIMITS.short}" value="${value('city')}"${described(state, 'city')}>${errorFor(ctx, state, 'city')}
<label for="place">${t('place')}</label><input type="text" id="place" name="place" maxlength="${LIMITS.short}" value="${value('place')}"${described(state, 'place')}>${errorFor(ctx, state, 'place')}</fieldset>
<label for="people">${t('people')}</label><input type="number" id="people" name="people" min="1" max="${LIMITS.people}" inputmode="numeric" value="${value('people')}"${described(state, 'people')}>${errorFor(ctx, state, 'people')}
<fieldset><legend>${t('stillHeldTitle')}</legend>${radios('stillHeld', STILL_HELD, stillHeldWords[ctx.lang], 'unknown')}${errorFor(ctx, state, 'stillHeld')}</fieldset>
<label for="story">${t('story')}</label><p class="hint" id="story-hint">${t('storyHint')}</p><textarea id="story" name="story" maxlength="${LIMITS.story}"${described(state, 'story', 'story-hint')}>${value('story')}</textarea>${errorFor(ctx, state, 'story')}
<label for="contact">${t('contact')}</label><p class="hint" id="contact-hint">${t('contactHint')}</p><input type="text" id="contact" name="contact" maxlength="${LIMITS.contact}" autocomplete="off" value="${value('contact')}"${described(state, 'contact', 'contact-hint')}>${errorFor(ctx, state, 'contact')}
<fieldset><legend>${t('consentTitle')}</legend>
<fieldset><legend>${t('consentPublic')}</legend>${radios('consentPublic', YES_NO, { yes: t('yes'), no: t('no') }, 'no')}${errorFor(ctx, state, 'consentPublic')}</fieldset>
<fieldset><legend>${t('consentLegal')}</legend>${radios('consentLegal', YES_NO, { yes: t('yes'), no: t('no') }, 'no')}${errorFor(ctx, state, 'consentLegal')}</fieldset>
</fieldset>
<p><button type="submit">${t('send')}</button></p>
</form>
<p><a href="/status?lang=${ctx.lang}">${shared('checkStatus')}</a></p>
<p><a href="/alerts?lang=${ctx.lang}">${translator(alertsWords, ctx.lang)('title')}</a></p>
<template id="receipt-template">${receiptBody(ctx, '', key)}</template>`;
  return page(ctx, t('formTitle'), body);
}

function receiptBody(ctx: PageContext, codename: string, key?: SealingKey): Raw {
  const t = translator(receiptWords, ctx.lang);
  const shared = translator(layoutWords, ctx.lang);
  return html`<section id="receipt" aria-labelledby="receipt-title"><h1 id="receipt-title" tabindex="-1">${t('receivedTitle')}</h1><p>${t('receivedLead')}</p>
<p class="codename" data-codename="${codename}">${formatCodename(codename)}</p><p>${t('codenameKeep')}</p>
<p><a href="/status?lang=${ctx.lang}">${shared('checkStatus')}</a> · <a href="/?lang=${ctx.lang}">${t('anotherReport')}</a></p></section>${evidenceForm(ctx, codename, key)}`;
}

export function receiptPage(ctx: PageContext, codename: string, key?: SealingKey): string {
  return page(ctx, translator(receiptWords, ctx.lang)('receivedTitle'), receiptBody(ctx, codename, key));
}
