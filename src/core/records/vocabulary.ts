// Controlled vocabularies of the records, with codes and az / ru / en labels. Codes follow the
// HURIDOCS Events Standard Formats (ESF: 12 digits, 2 per level) where the standard has the term
// (../shared/reference.md); terms it lacks are local, under the 99 prefix, so they can never
// collide with an ESF code. Administrators add further local terms as registry entries.
import type { Labels, Term } from './term.ts';

// The vocabularies themselves (statuses, access, decisions, kinds, grades, consent…) are in
// vocabulary-words.ts, in the house's words form; a term's type in term.ts.

export interface ActType {
  code: string;
  /** 'esf' for a code from the standard's list, 'local' for one Vigil or the team added. */
  source: 'esf' | 'local';
  labels: Labels;
  /** Acts of this type carry a detention record (place held, lawyer, decision, release). */
  detention: boolean;
}
const act = (code: string, source: ActType['source'], detention: boolean, en: string, az: string, ru: string): ActType => ({ code, source, detention, labels: { en, az, ru } });

export const ACT_TYPES: readonly ActType[] = [
  act('030101000000', 'esf', true, 'Arrest', 'Həbs (tutulma)', 'Арест (задержание)'),
  act('030102000000', 'esf', true, 'Detention', 'Saxlanma', 'Содержание под стражей'),
  act('030103000000', 'esf', false, 'Enforced disappearance', 'Məcburi yoxa çıxarılma', 'Насильственное исчезновение'),
  act('020100000000', 'esf', false, 'Ill-treatment (violation of personal integrity)', 'Pis rəftar (şəxsi toxunulmazlığın pozulması)', 'Жестокое обращение (нарушение личной неприкосновенности)'),
  act('020111110000', 'esf', false, 'Torture', 'İşgəncə', 'Пытки'),
  act('020102000000', 'esf', false, 'Sexual violence', 'Cinsi zorakılıq', 'Сексуальное насилие'),
  act('990101000000', 'local', false, 'Threats', 'Hədə-qorxu', 'Угрозы'),
  act('990201000000', 'local', false, 'Entrapment through a dating app or fake client', 'Tanışlıq tətbiqi və ya saxta müştəri vasitəsilə tələyə salma', 'Заманивание через приложение знакомств или фальшивого клиента'),
  act('990202000000', 'local', false, 'Forced medical or venereal examination', 'Məcburi tibbi və ya zöhrəvi müayinə', 'Принудительное медицинское или венерологическое обследование'),
  act('990203000000', 'local', false, "Forced disclosure of other people's names", 'Başqalarının adlarını məcburi açıqlatma', 'Принуждение назвать имена других людей'),
  act('990204000000', 'local', false, 'Online outing or blackmail', 'Onlayn ifşa və ya şantaj', 'Онлайн-аутинг или шантаж'),
  act('990205000000', 'local', false, 'Home raid', 'Evə basqın', 'Обыск (рейд) жилья'),
  act('990206000000', 'local', false, 'Phone seized or searched', 'Telefonun götürülməsi və ya yoxlanılması', 'Изъятие или досмотр телефона'),
  act('990207000000', 'local', false, 'Extortion', 'Hədə ilə pul tələb etmə', 'Вымогательство'),
  act('990208000000', 'local', false, 'Fine', 'Cərimə', 'Штраф'),
  act('990209000000', 'local', true, 'Administrative detention sentence', 'İnzibati həbs cəzası', 'Административный арест (приговор)'),
];
export const actType = (code: string): ActType | undefined => ACT_TYPES.find((a) => a.code === code);
/** A local code an administrator adds: 99, then ten digits, not one Vigil ships. */
export const LOCAL_CODE = /^99\d{10}$/;

export const DATE_PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

type Keys<T extends readonly Term[]> = T[number]['key'];
export const keysOf = <T extends readonly Term[]>(terms: T) => terms.map((t) => t.key) as [Keys<T>, ...Keys<T>[]];
