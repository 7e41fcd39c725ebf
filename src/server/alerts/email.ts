// The text of alert emails: the alert in the subscriber's languages (all of the alert's if none
// match), a link to its page, and the unsubscribe link (also in the List-Unsubscribe header).
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { translator } from '../../core/i18n/message.ts';
import { alertMailWords } from './mail-words.ts';
import type { AlertTexts } from '../../core/alerts/schemas.ts';
import type { Recipient } from '../../core/api/alerts.ts';
import type { Mail } from './mailer.ts';

export const unsubscribeUrl = (publicUrl: string, token: string, lang: Language) => `${publicUrl}/alerts/unsubscribe/${token}?lang=${lang}`;

/** The alert's languages a subscriber reads, in the subscriber's order; all of them if none match. */
export function languagesFor(texts: AlertTexts, wanted: readonly Language[]): Language[] {
  const written = LANGUAGES.filter((l) => texts[l]);
  const chosen = wanted.filter((l) => texts[l]);
  return chosen.length ? chosen : written;
}

export function alertEmail(publicUrl: string, alertId: string, texts: AlertTexts, to: Recipient): Mail {
  const langs = languagesFor(texts, to.languages);
  const first = langs[0]!;
  const unsubscribe = unsubscribeUrl(publicUrl, to.unsubscribeToken, first);
  const parts = langs.map((l) => `${texts[l]!.title}\n\n${texts[l]!.body}\n\n${publicUrl}/alerts/${alertId}?lang=${l}`);
  return {
    to: to.email,
    subject: texts[first]!.title,
    text: `${parts.join('\n\n——————\n\n')}\n\n--\n${translator(alertMailWords, first)('mailFooter', { unsubscribe })}\n`,
    unsubscribeUrl: unsubscribe,
  };
}

export function confirmationEmail(publicUrl: string, email: string, lang: Language, confirmToken: string, unsubscribeToken: string): Mail {
  const t = translator(alertMailWords, lang);
  const unsubscribe = unsubscribeUrl(publicUrl, unsubscribeToken, lang);
  return {
    to: email,
    subject: t('mailConfirmSubject'),
    text: `${t('mailConfirmBody', { confirm: `${publicUrl}/alerts/confirm/${confirmToken}?lang=${lang}`, unsubscribe })}\n`,
    unsubscribeUrl: unsubscribe,
  };
}
