// Writing an alert in one or more of the organization's languages, previewing it as readers will
// see it, then publishing (or saving a correction).
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ALERT_LIMITS, paragraphs, type AlertTexts } from '../../../core/alerts/schemas.ts';
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { LANGUAGE_NAMES } from '../i18n/LanguageSelect.tsx';
import { translator } from '../../../core/i18n/message.ts';
import { useWords } from '../i18n/context.tsx';
import { currentLanguage } from '../i18n/language.ts';
import { alertsWords } from './words.ts';
import { commonWords } from '../i18n/common-words.ts';

type Draft = Record<Language, { title: string; body: string }>;

const emptyDraft = (): Draft => ({ az: { title: '', body: '' }, ru: { title: '', body: '' }, en: { title: '', body: '' } });

/** The languages written, or a problem to show. */
function textsOf(draft: Draft, languages: Language[]): AlertTexts | string {
  const t = translator(alertsWords, currentLanguage());
  const texts: AlertTexts = {};
  for (const l of languages) {
    const { title, body } = draft[l];
    if (!title.trim() && !body.trim()) continue;
    if (!title.trim() || !body.trim()) return t('needsBoth', { language: LANGUAGE_NAMES[l] });
    texts[l] = { title: title.trim(), body: body.trim() };
  }
  return Object.keys(texts).length ? texts : t('needsOne');
}

export function AlertPreview({ texts }: { texts: AlertTexts }) {
  const t = useWords(alertsWords);
  return (
    <>
      {LANGUAGES.filter((l) => texts[l]).map((l) => (
        <article key={l} lang={l} class="card" aria-label={t('previewIn', { language: LANGUAGE_NAMES[l] })}>
          <h3>{texts[l]!.title}</h3>
          {paragraphs(texts[l]!.body).map((lines, i) => (
            <p key={i}>
              {lines.map((line, j) => (
                <>
                  {j > 0 && <br />}
                  {line}
                </>
              ))}
            </p>
          ))}
        </article>
      ))}
    </>
  );
}

export function Composer({
  languages,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  idPrefix,
}: {
  languages: Language[];
  initial?: AlertTexts;
  submitLabel: string;
  onSubmit: (texts: AlertTexts) => Promise<void>;
  onCancel?: () => void;
  idPrefix: string;
}) {
  const t = useWords(alertsWords);
  const common = useWords(commonWords);
  const [draft, setDraft] = useState<Draft>(() => {
    const d = emptyDraft();
    for (const l of LANGUAGES) if (initial?.[l]) d[l] = { ...initial[l]! };
    return d;
  });
  const [preview, setPreview] = useState<AlertTexts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (l: Language, field: 'title' | 'body', value: string) => setDraft((d) => ({ ...d, [l]: { ...d[l], [field]: value } }));

  function showPreview(event: Event) {
    event.preventDefault();
    const texts = textsOf(draft, languages);
    if (typeof texts === 'string') return setError(texts);
    setError(null);
    setPreview(texts);
  }

  async function submit() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(preview);
      setPreview(null);
      setDraft(emptyDraft());
    } catch (e) {
      setError(e instanceof Error ? e.message : t('notDone'));
    } finally {
      setBusy(false);
    }
  }

  if (preview) {
    return (
      <PreviewStep idPrefix={idPrefix} texts={preview} error={error}>
        <button type="button" onClick={() => void submit()} disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" class="secondary" onClick={() => setPreview(null)} disabled={busy}>
          {t('backToEditing')}
        </button>
      </PreviewStep>
    );
  }
  return (
    <form onSubmit={showPreview}>
      {languages.map((l) => (
        <LanguageFields key={l} idPrefix={idPrefix} language={l} text={draft[l]} onInput={(field, value) => set(l, field, value)} />
      ))}
      <p class="hint">{t('composerHint')}</p>
      <Feedback error={error} />
      <div class="actions">
        <button type="submit">{t('preview')}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {common('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The preview as readers will see it, focused so a screen reader reads it, with the actions given. */
function PreviewStep({ idPrefix, texts, error, children }: { idPrefix: string; texts: AlertTexts; error: string | null; children: ComponentChildren }) {
  const t = useWords(alertsWords);
  return (
    <section aria-labelledby={`${idPrefix}-preview`}>
      <h3 id={`${idPrefix}-preview`} tabIndex={-1} ref={(h) => h?.focus()}>
        {t('previewHeading')}
      </h3>
      <AlertPreview texts={texts} />
      <Feedback error={error} />
      <div class="actions">{children}</div>
    </section>
  );
}

/** One language's title and text. */
function LanguageFields({ idPrefix, language: l, text, onInput }: { idPrefix: string; language: Language; text: { title: string; body: string }; onInput: (field: 'title' | 'body', value: string) => void }) {
  const t = useWords(alertsWords);
  return (
    <fieldset>
      <legend>{LANGUAGE_NAMES[l]}</legend>
      <label for={`${idPrefix}-${l}-title`}>{t('titleIn', { language: LANGUAGE_NAMES[l] })}</label>
      <input lang={l} id={`${idPrefix}-${l}-title`} maxLength={ALERT_LIMITS.title} value={text.title} onInput={(e) => onInput('title', e.currentTarget.value)} />
      <label for={`${idPrefix}-${l}-body`}>{t('textIn', { language: LANGUAGE_NAMES[l] })}</label>
      <textarea lang={l} id={`${idPrefix}-${l}-body`} rows={6} maxLength={ALERT_LIMITS.body} value={text.body} onInput={(e) => onInput('body', e.currentTarget.value)} />
    </fieldset>
  );
}
