// Changes to a guide's list of sections, as the editor makes them: each gives a new list.
import type { GuideSection } from '../../../core/guides/structure.ts';
import type { Language } from '../../../core/i18n/languages.ts';

export const editSection = (sections: GuideSection[], index: number, part: 'heading' | 'body', lang: Language, value: string): GuideSection[] =>
  sections.map((s, i) => (i === index ? { ...s, [part]: { ...s[part], [lang]: value } } : s));

export function moveSection(sections: GuideSection[], index: number, by: -1 | 1): GuideSection[] {
  const next = [...sections];
  const [section] = next.splice(index, 1);
  next.splice(index + by, 0, section!);
  return next;
}

/** A blank section at the end, under the first key not taken. */
export function addSection(sections: GuideSection[]): GuideSection[] {
  let n = 1;
  while (sections.some((s) => s.key === `section-${n}`)) n++;
  const blank = { en: '', az: '', ru: '' };
  return [...sections, { key: `section-${n}`, heading: { ...blank }, body: { ...blank } }];
}

export const removeSection = (sections: GuideSection[], index: number): GuideSection[] => sections.filter((_, j) => j !== index);
