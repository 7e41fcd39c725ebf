// Coordinators and administrators write the public "know your rights" and "staying safe" pages, in
// each of the organization's languages. Vigil gives the sections and headings; the words (and any
// legal information) are the team's. A preview shows how the public page will read.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { blocksOf, GUIDE_KINDS, GUIDE_LIMITS, GUIDE_TITLES, type GuideKind, type GuideSection, type GuideView } from '../../../core/guides/structure.ts';
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { guidesWords } from './words.ts';

function Preview({ text }: { text: string }) {
  return (
    <>
      {blocksOf(text).map((b, i) =>
        b.kind === 'paragraph' ? <p key={i}>{b.text}</p> : b.ordered ? <ol key={i}>{b.items.map((item, j) => <li key={j}>{item}</li>)}</ol> : <ul key={i}>{b.items.map((item, j) => <li key={j}>{item}</li>)}</ul>,
      )}
    </>
  );
}

export function GuidesPage({ vault }: { vault: Vault }) {
  const t = useWords(guidesWords);
  const common = useWords(commonWords);
  const ui = useLanguage();
  const languages = LANGUAGES.filter((l) => vault.login.organization.languages.includes(l));
  const [guides, setGuides] = useState<Record<GuideKind, GuideView> | null>(null);
  const [kind, setKind] = useState<GuideKind>('rights');
  const [lang, setLang] = useState<Language>(languages[0] ?? 'en');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api<{ guides: GuideView[] }>('/api/guides').then(
      ({ guides: list }) => setGuides(Object.fromEntries(list.map((g) => [g.kind, g])) as Record<GuideKind, GuideView>),
      (e) => setError(messageOf(e, t('notLoaded'))),
    );
  }, []);
  if (!guides)
    return (
      <main class="wide-ish">
        <PageHeading>{t('title')}</PageHeading>
        <Feedback error={error} said={common('loading')} />
      </main>
    );

  const guide = guides[kind];
  const change = (sections: GuideSection[]) => setGuides({ ...guides, [kind]: { ...guide, sections } });
  const edit = (index: number, part: 'heading' | 'body', value: string) =>
    change(guide.sections.map((s, i) => (i === index ? { ...s, [part]: { ...s[part], [lang]: value } } : s)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...guide.sections];
    const [section] = next.splice(index, 1);
    next.splice(index + by, 0, section!);
    change(next);
  };
  const add = () => {
    let n = 1;
    while (guide.sections.some((s) => s.key === `section-${n}`)) n++;
    const blank = { en: '', az: '', ru: '' };
    change([...guide.sections, { key: `section-${n}`, heading: { ...blank }, body: { ...blank } }]);
  };

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const saved = await api<GuideView>(`/api/guides/${kind}`, { version: guide.version, sections: guide.sections });
      setGuides({ ...guides!, [kind]: saved });
      say(t('saved', { kind }));
    } catch (e) {
      setError(messageOf(e, t('notSaved')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <p class="hint">{t('intro')}</p>
      <div class="toolbar">
        <fieldset>
          <legend>{t('page')}</legend>
          {GUIDE_KINDS.map((k) => (
            <div class="choice" key={k}>
              <input type="radio" name="guide-kind" id={`guide-${k}`} checked={kind === k} onChange={() => setKind(k)} />
              <label for={`guide-${k}`}>{GUIDE_TITLES[k][ui.language]}</label>
            </div>
          ))}
        </fieldset>
        <div>
          <LanguageSelect id="guide-lang" label={t('language')} value={lang} onChange={setLang} languages={languages} />
        </div>
      </div>
      <form onSubmit={save} lang={lang}>
        {guide.sections.map((section, i) => (
          <fieldset key={section.key}>
            <legend>{t('section', { n: i + 1 })}</legend>
            <label for={`heading-${section.key}`}>{t('heading')}</label>
            <input id={`heading-${section.key}`} type="text" maxLength={GUIDE_LIMITS.heading} value={section.heading[lang]} onInput={(e) => edit(i, 'heading', e.currentTarget.value)} />
            <label for={`body-${section.key}`}>{t('body')}</label>
            <textarea id={`body-${section.key}`} rows={6} maxLength={GUIDE_LIMITS.body} value={section.body[lang]} onInput={(e) => edit(i, 'body', e.currentTarget.value)} />
            {section.body[lang].trim() && (
              <details>
                <summary>{t('preview')}</summary>
                <div class="preview">
                  <h2>{section.heading[lang]}</h2>
                  <Preview text={section.body[lang]} />
                </div>
              </details>
            )}
            <div class="actions">
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('moveUp', { n: i + 1 })}>
                {t('up')}
              </button>
              <button type="button" disabled={i === guide.sections.length - 1} onClick={() => move(i, 1)} aria-label={t('moveDown', { n: i + 1 })}>
                {t('down')}
              </button>
              <button type="button" onClick={() => change(guide.sections.filter((_, j) => j !== i))} aria-label={t('removeSection', { n: i + 1 })}>
                {common('remove')}
              </button>
            </div>
          </fieldset>
        ))}
        <div class="actions">
          <button type="button" onClick={add} disabled={guide.sections.length >= GUIDE_LIMITS.sections}>
            {t('addSection')}
          </button>
          <button type="submit" disabled={saving}>
            {t('save', { kind })}
          </button>
          <a href={`/${kind}?lang=${lang}`} target="_blank" rel="noopener noreferrer">
            {t('openPublic')}
          </a>
        </div>
        <Feedback error={error} said={said} />
      </form>
    </main>
  );
}
