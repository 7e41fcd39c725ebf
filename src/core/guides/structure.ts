// "Know your rights" and "Staying safe": public pages whose words the organization writes, per
// language. Vigil ships only the structure — the sections and their headings in az/ru/en — never
// legal advice: every section is empty until the team fills it in.
import * as z from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { guideWords } from './words.ts';

export const GUIDE_KINDS = ['rights', 'safety'] as const;
export type GuideKind = (typeof GUIDE_KINDS)[number];

type InEveryLanguage = Record<Language, string>;
type GuideWord = keyof (typeof guideWords)['en'];

/** A word of the guides in every language (in the order guides have always stored it). */
const inEveryLanguage = (key: GuideWord): InEveryLanguage => ({ en: guideWords.en[key], az: guideWords.az[key], ru: guideWords.ru[key] });

export const GUIDE_TITLES: Record<GuideKind, InEveryLanguage> = { rights: inEveryLanguage('rights'), safety: inEveryLanguage('safety') };

/** The sections a new guide starts with, in order (headings in words.ts); the team may rename, remove or add sections. */
const SECTION_KEYS = {
  rights: ['stopped', 'detained', 'lawyer', 'family', 'phone', 'examination', 'court', 'after', 'help'],
  safety: ['apps', 'phone', 'someone-detained', 'reporting', 'help'],
} as const;

export const DEFAULT_SECTIONS: Record<GuideKind, { key: string; heading: InEveryLanguage }[]> = {
  rights: SECTION_KEYS.rights.map((key) => ({ key, heading: inEveryLanguage(`rights.${key}`) })),
  safety: SECTION_KEYS.safety.map((key) => ({ key, heading: inEveryLanguage(`safety.${key}`) })),
};

export const GUIDE_LIMITS = { sections: 30, heading: 200, body: 20_000 } as const;

const perLanguage = (max: number) =>
  z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.string().max(max).regex(/^[^\u0000]*$/)])) as Record<Language, z.ZodString>);

export const guideSection = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/),
  heading: perLanguage(GUIDE_LIMITS.heading),
  body: perLanguage(GUIDE_LIMITS.body),
});
export type GuideSection = z.infer<typeof guideSection>;

/** A save names the version it was edited from (0 for a guide never saved): older → 409. */
export const guideInput = z.object({
  version: z.number().int().min(0),
  sections: z
    .array(guideSection)
    .max(GUIDE_LIMITS.sections)
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'section keys are unique'),
});

export interface GuideView {
  kind: GuideKind;
  version: number;
  sections: GuideSection[];
  /** The day it was last saved (UTC), or null if never. */
  updatedDay: string | null;
}

/** A guide as first opened: the shipped headings, no words. */
export function emptyGuide(kind: GuideKind): GuideView {
  const blank: InEveryLanguage = { en: '', az: '', ru: '' };
  return { kind, version: 0, updatedDay: null, sections: DEFAULT_SECTIONS[kind].map((s) => ({ key: s.key, heading: { ...s.heading }, body: { ...blank } })) };
}

/** The sections that have words in this language; a heading left empty falls back to the shipped one. */
export function sectionsIn(guide: Pick<GuideView, 'kind' | 'sections'>, lang: Language): { heading: string; body: string }[] {
  return guide.sections
    .filter((s) => s.body[lang].trim() !== '')
    .map((s) => ({ heading: s.heading[lang].trim() || DEFAULT_SECTIONS[guide.kind].find((d) => d.key === s.key)?.heading[lang] || '', body: s.body[lang] }));
}

/** The languages a reader can read this guide in. */
export const languagesWritten = (guide: Pick<GuideView, 'sections'>): Language[] => LANGUAGES.filter((l) => guide.sections.some((s) => s.body[l].trim() !== ''));

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; ordered: boolean; items: string[] };

/**
 * The organization's words as blocks: a blank line starts a paragraph; lines starting "- " or "• "
 * are a list, "1. " a numbered one. Plain text only (no links or markup), so nothing written
 * here can inject anything into a public page.
 */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    };
    for (const line of lines) {
      const bullet = /^[-•*]\s+(.*)$/.exec(line);
      const numbered = /^\d{1,3}[.)]\s+(.*)$/.exec(line);
      const item = bullet?.[1] ?? numbered?.[1];
      if (item === undefined) {
        paragraph.push(line);
        continue;
      }
      flush();
      const ordered = !!numbered;
      const last = blocks.at(-1);
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    }
    flush();
  }
  return blocks;
}
