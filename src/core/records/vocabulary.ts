// Controlled vocabularies of the records, with codes and az / ru / en labels. Codes follow the
// HURIDOCS Events Standard Formats (ESF: 12 digits, 2 per level) where the standard has the term
// (../shared/reference.md); terms it lacks are local, under the 99 prefix, so they can never
// collide with an ESF code. Administrators add further local terms as registry entries.
export type Labels = { en: string; az: string; ru: string };
export interface Term<K extends string = string> {
  key: K;
  labels: Labels;
}
export const term = <K extends string>(key: K, en: string, az: string, ru: string): Term<K> => ({ key, labels: { en, az, ru } });

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

export const MONITORING_STATUSES = [
  term('open', 'Open', 'Açıq', 'Открыто'),
  term('verifying', 'Being verified', 'Yoxlanılır', 'Проверяется'),
  term('verified', 'Verified', 'Təsdiqlənib', 'Подтверждено'),
  term('closed', 'Closed', 'Bağlanıb', 'Закрыто'),
] as const;

export const COUNTING_UNITS = [term('individual', 'Individual', 'Fərd', 'Человек'), term('group', 'Group', 'Qrup', 'Группа')] as const;

export const AGE_RANGES = [
  term('under18', 'Under 18', '18 yaşdan aşağı', 'До 18'),
  term('18-25', '18–25', '18–25', '18–25'),
  term('26-35', '26–35', '26–35', '26–35'),
  term('36-50', '36–50', '36–50', '36–50'),
  term('over50', 'Over 50', '50 yaşdan yuxarı', 'Старше 50'),
  term('unknown', 'Unknown', 'Məlum deyil', 'Неизвестно'),
] as const;

export const DETENTION_STATUSES = [
  term('held', 'Held', 'Saxlanılır', 'Под стражей'),
  term('transferred', 'Transferred', 'Köçürülüb', 'Переведён'),
  term('unknown', 'Whereabouts unknown', 'Harada olduğu məlum deyil', 'Местонахождение неизвестно'),
  term('released', 'Released', 'Azad edilib', 'Освобождён'),
] as const;
/** Statuses of someone still in custody (the currently-held board lists them). */
export const IN_CUSTODY = ['held', 'transferred', 'unknown'] as const;

export const LAWYER_ACCESS = [
  term('yes', 'Lawyer of own choice', 'Seçdiyi vəkil', 'Адвокат по выбору'),
  term('ngo', 'Counsel provided by a human-rights NGO', 'İnsan hüquqları təşkilatının vəkili', 'Адвокат правозащитной организации'),
  term('state', 'State-appointed lawyer only', 'Yalnız dövlət vəkili', 'Только государственный адвокат'),
  term('no-consultation', 'No consultation permitted', 'Məsləhətləşməyə icazə verilməyib', 'Консультация не разрешена'),
  term('none', 'No counsel permitted', 'Vəkilə icazə verilməyib', 'Адвокат не допущен'),
  term('unknown', 'Unknown', 'Məlum deyil', 'Неизвестно'),
] as const;

export const FAMILY_ACCESS = [
  term('informed', 'Family informed', 'Ailəyə xəbər verilib', 'Семья уведомлена'),
  term('visits', 'Family visits allowed', 'Ailə görüşlərinə icazə verilir', 'Свидания с семьёй разрешены'),
  term('none', 'No contact with family', 'Ailə ilə əlaqə yoxdur', 'Нет связи с семьёй'),
  term('unknown', 'Unknown', 'Məlum deyil', 'Неизвестно'),
] as const;

export const DECISIONS = [
  term('pending', 'No decision yet', 'Hələ qərar yoxdur', 'Решения ещё нет'),
  term('fine', 'Fine', 'Cərimə', 'Штраф'),
  term('detention', 'Detention of N days', 'N günlük həbs', 'Арест на N суток'),
  term('released', 'Released without penalty', 'Cəzasız azad edilib', 'Освобождён без наказания'),
  term('other', 'Other', 'Digər', 'Другое'),
] as const;

export const PLACE_KINDS = [
  term('police', 'Police department', 'Polis idarəsi', 'Отдел полиции'),
  term('court', 'Court', 'Məhkəmə', 'Суд'),
  term('dispensary', 'Dispensary', 'Dispanser', 'Диспансер'),
  term('detention-centre', 'Detention centre', 'Saxlama yeri', 'Место содержания под стражей'),
  term('area', 'City or district', 'Şəhər və ya rayon', 'Город или район'),
  term('other', 'Other', 'Digər', 'Другое'),
] as const;

export const PERPETRATOR_TYPES = [
  term('police', 'Police', 'Polis', 'Полиция'),
  term('security-service', 'Security service', 'Təhlükəsizlik xidməti', 'Спецслужба'),
  term('court', 'Court', 'Məhkəmə', 'Суд'),
  term('medical', 'Medical staff', 'Tibb işçiləri', 'Медицинский персонал'),
  term('private', 'Private individual', 'Fərdi şəxs', 'Частное лицо'),
  term('unknown', 'Unknown', 'Məlum deyil', 'Неизвестно'),
] as const;

export const INVOLVEMENT_DEGREES = [
  term('perpetrator', 'Direct perpetrator', 'Bilavasitə icraçı', 'Непосредственный исполнитель'),
  term('command', 'Ordered or commanded', 'Əmr verən', 'Отдал приказ'),
  term('complicity', 'Complicit', 'İştirakçı', 'Соучастник'),
  term('alleged', 'Alleged, unconfirmed', 'İddia olunan, təsdiqlənməyib', 'Предполагаемый, не подтверждено'),
] as const;

export const INTERVENTION_TYPES = [
  term('legal-aid', 'Legal aid', 'Hüquqi yardım', 'Юридическая помощь'),
  term('medical-aid', 'Medical aid', 'Tibbi yardım', 'Медицинская помощь'),
  term('family-contacted', 'Family contacted', 'Ailə ilə əlaqə saxlanılıb', 'Связь с семьёй'),
  term('appeal', 'Appeal against the decision', 'Qərardan şikayət', 'Обжалование решения'),
  term('un-appeal', 'Urgent appeal to a UN mandate', 'BMT mandatına təcili müraciət', 'Срочное обращение к мандату ООН'),
  term('other-body', 'Request to another body', 'Digər quruma müraciət', 'Обращение в другой орган'),
  term('press', 'Press', 'Mətbuat', 'Пресса'),
] as const;
export const INTERVENTION_STATUSES = [
  term('planned', 'Planned', 'Planlaşdırılıb', 'Запланировано'),
  term('sent', 'Sent or under way', 'Göndərilib / icra olunur', 'Отправлено / в работе'),
  term('answered', 'Answered', 'Cavab alınıb', 'Получен ответ'),
  term('closed', 'Closed', 'Bağlanıb', 'Закрыто'),
] as const;
export const PRIORITIES = [term('urgent', 'Urgent', 'Təcili', 'Срочно'), term('high', 'High', 'Yüksək', 'Высокий'), term('normal', 'Normal', 'Adi', 'Обычный')] as const;

/** ESF Information: how the source is connected to what it tells. */
export const SOURCE_CONNECTIONS = [
  term('victim', 'Victim', 'Zərərçəkmiş', 'Пострадавший'),
  term('witness', 'Witness', 'Şahid', 'Свидетель'),
  term('family', 'Family', 'Ailə', 'Семья'),
  term('lawyer', 'Lawyer', 'Vəkil', 'Адвокат'),
  term('media', 'Media', 'Media', 'СМИ'),
  term('other', 'Other', 'Digər', 'Другое'),
] as const;
/** Admiralty grading: source reliability A–F, information credibility 1–6. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const;

export const CONSENT_SHARING = [
  term('none', 'Not to be shared', 'Paylaşılmamalıdır', 'Не передавать'),
  term('un', 'May be shared with UN bodies', 'BMT qurumları ilə paylaşıla bilər', 'Можно передавать органам ООН'),
  term('public', 'May be used publicly (anonymised)', 'Anonim şəkildə ictimai istifadə oluna bilər', 'Можно использовать публично (анонимно)'),
] as const;
export const NAME_PREFERENCES = [
  term('name', 'Full name', 'Tam ad', 'Полное имя'),
  term('initials', 'Initials only', 'Yalnız inisiallar', 'Только инициалы'),
  term('anonymous', 'Anonymous', 'Anonim', 'Анонимно'),
] as const;
export const RISK_LEVELS = [term('high', 'High', 'Yüksək', 'Высокий'), term('medium', 'Medium', 'Orta', 'Средний'), term('low', 'Low', 'Aşağı', 'Низкий'), term('unknown', 'Unknown', 'Məlum deyil', 'Неизвестно')] as const;

type Keys<T extends readonly Term[]> = T[number]['key'];
export const keysOf = <T extends readonly Term[]>(terms: T) => terms.map((t) => t.key) as [Keys<T>, ...Keys<T>[]];
