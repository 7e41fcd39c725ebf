// One section of a guide in one language: its heading and text, a preview as the public page will
// read it, and moving or removing it.
import { blocksOf, GUIDE_LIMITS, type GuideSection } from '../../../core/guides/structure.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { useWords } from '../i18n/context.tsx';
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

export interface SectionEditorProps {
  section: GuideSection;
  index: number;
  count: number;
  lang: Language;
  onEdit: (part: 'heading' | 'body', value: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function SectionEditor({ section, index: i, count, lang, onEdit, onMove, onRemove }: SectionEditorProps) {
  const t = useWords(guidesWords);
  const common = useWords(commonWords);
  return (
    <fieldset>
      <legend>{t('section', { n: i + 1 })}</legend>
      <label for={`heading-${section.key}`}>{t('heading')}</label>
      <input id={`heading-${section.key}`} type="text" maxLength={GUIDE_LIMITS.heading} value={section.heading[lang]} onInput={(e) => onEdit('heading', e.currentTarget.value)} />
      <label for={`body-${section.key}`}>{t('body')}</label>
      <textarea id={`body-${section.key}`} rows={6} maxLength={GUIDE_LIMITS.body} value={section.body[lang]} onInput={(e) => onEdit('body', e.currentTarget.value)} />
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
        <button type="button" disabled={i === 0} onClick={() => onMove(-1)} aria-label={t('moveUp', { n: i + 1 })}>
          {t('up')}
        </button>
        <button type="button" disabled={i === count - 1} onClick={() => onMove(1)} aria-label={t('moveDown', { n: i + 1 })}>
          {t('down')}
        </button>
        <button type="button" onClick={onRemove} aria-label={t('removeSection', { n: i + 1 })}>
          {common('remove')}
        </button>
      </div>
    </fieldset>
  );
}
