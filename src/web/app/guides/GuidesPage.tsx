// Coordinators and administrators write the public "know your rights" and "staying safe" pages, in
// each of the organization's languages. Vigil gives the sections and headings; the words (and any
// legal information) are the team's. A preview shows how the public page will read.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { Vault } from '../session/vault.ts';
import { GUIDE_KINDS, GUIDE_LIMITS, GUIDE_TITLES, type GuideKind, type GuideSection, type GuideView } from '../../../core/guides/structure.ts';
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { guidesWords } from './words.ts';
import { SectionEditor } from './SectionEditor.tsx';
import { addSection, editSection, moveSection, removeSection } from './sections.ts';

type Guides = Record<GuideKind, GuideView>;

/** Both guides as the server has them, by kind; replaced as they are edited and saved. */
function useGuides() {
  const t = useWords(guidesWords);
  const [guides, setGuides] = useState<Guides | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ guides: GuideView[] }>('/api/guides').then(
      ({ guides: list }) => setGuides(Object.fromEntries(list.map((g) => [g.kind, g])) as Guides),
      (e) => setError(messageOf(e, t('notLoaded'))),
    );
  }, []);
  return { guides, setGuides, error, setError };
}

export function GuidesPage({ vault }: { vault: Vault }) {
  const t = useWords(guidesWords);
  const common = useWords(commonWords);
  const languages = LANGUAGES.filter((l) => vault.login.organization.languages.includes(l));
  const { guides, setGuides, error, setError } = useGuides();
  const [kind, setKind] = useState<GuideKind>('rights');
  const [lang, setLang] = useState<Language>(languages[0] ?? 'en');
  const [said, say] = useState('');
  const [saving, setSaving] = useState(false);
  if (!guides)
    return (
      <main class="wide-ish">
        <PageHeading>{t('title')}</PageHeading>
        <Feedback error={error} said={common('loading')} />
      </main>
    );

  const guide = guides[kind];
  const change = (sections: GuideSection[]) => setGuides({ ...guides, [kind]: { ...guide, sections } });

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
      <GuideChoice kind={kind} onKind={setKind} lang={lang} onLang={setLang} languages={languages} />
      <form onSubmit={save} lang={lang}>
        {guide.sections.map((section, i) => (
          <SectionEditor
            key={section.key}
            section={section}
            index={i}
            count={guide.sections.length}
            lang={lang}
            onEdit={(part, value) => change(editSection(guide.sections, i, part, lang, value))}
            onMove={(by) => change(moveSection(guide.sections, i, by))}
            onRemove={() => change(removeSection(guide.sections, i))}
          />
        ))}
        <div class="actions">
          <button type="button" onClick={() => change(addSection(guide.sections))} disabled={guide.sections.length >= GUIDE_LIMITS.sections}>
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

/** Which guide, in which language. */
function GuideChoice({ kind, onKind, lang, onLang, languages }: { kind: GuideKind; onKind: (kind: GuideKind) => void; lang: Language; onLang: (lang: Language) => void; languages: Language[] }) {
  const t = useWords(guidesWords);
  const ui = useLanguage();
  return (
    <div class="toolbar">
      <fieldset>
        <legend>{t('page')}</legend>
        {GUIDE_KINDS.map((k) => (
          <div class="choice" key={k}>
            <input type="radio" name="guide-kind" id={`guide-${k}`} checked={kind === k} onChange={() => onKind(k)} />
            <label for={`guide-${k}`}>{GUIDE_TITLES[k][ui.language]}</label>
          </div>
        ))}
      </fieldset>
      <div>
        <LanguageSelect id="guide-lang" label={t('language')} value={lang} onChange={onLang} languages={languages} />
      </div>
    </div>
  );
}
