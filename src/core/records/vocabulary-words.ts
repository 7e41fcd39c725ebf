// The records' controlled vocabularies with their labels, written as the house writes words: English
// first, each language with exactly its keys (core/i18n/message.ts). The keys are what records
// store; vocabulary.ts adds the act types and the helpers.
import { terms } from './term.ts';

export const MONITORING_STATUSES = terms({
  en: {
    open: 'Open',
    verifying: 'Being verified',
    verified: 'Verified',
    closed: 'Closed',
  },
  ru: {
    open: 'Открыто',
    verifying: 'Проверяется',
    verified: 'Подтверждено',
    closed: 'Закрыто',
  },
  az: {
    open: 'Açıq',
    verifying: 'Yoxlanılır',
    verified: 'Təsdiqlənib',
    closed: 'Bağlanıb',
  },
});

export const COUNTING_UNITS = terms({
  en: {
    individual: 'Individual',
    group: 'Group',
  },
  ru: {
    individual: 'Человек',
    group: 'Группа',
  },
  az: {
    individual: 'Fərd',
    group: 'Qrup',
  },
});

export const AGE_RANGES = terms({
  en: {
    under18: 'Under 18',
    '18-25': '18–25',
    '26-35': '26–35',
    '36-50': '36–50',
    over50: 'Over 50',
    unknown: 'Unknown',
  },
  ru: {
    under18: 'До 18',
    '18-25': '18–25',
    '26-35': '26–35',
    '36-50': '36–50',
    over50: 'Старше 50',
    unknown: 'Неизвестно',
  },
  az: {
    under18: '18 yaşdan aşağı',
    '18-25': '18–25',
    '26-35': '26–35',
    '36-50': '36–50',
    over50: '50 yaşdan yuxarı',
    unknown: 'Məlum deyil',
  },
});

export const DETENTION_STATUSES = terms({
  en: {
    held: 'Held',
    transferred: 'Transferred',
    unknown: 'Whereabouts unknown',
    released: 'Released',
  },
  ru: {
    held: 'Под стражей',
    transferred: 'Переведён',
    unknown: 'Местонахождение неизвестно',
    released: 'Освобождён',
  },
  az: {
    held: 'Saxlanılır',
    transferred: 'Köçürülüb',
    unknown: 'Harada olduğu məlum deyil',
    released: 'Azad edilib',
  },
});
/** Statuses of someone still in custody (the currently-held board lists them). */
export const IN_CUSTODY = ['held', 'transferred', 'unknown'] as const;

export const LAWYER_ACCESS = terms({
  en: {
    yes: 'Lawyer of own choice',
    ngo: 'Counsel provided by a human-rights NGO',
    state: 'State-appointed lawyer only',
    'no-consultation': 'No consultation permitted',
    none: 'No counsel permitted',
    unknown: 'Unknown',
  },
  ru: {
    yes: 'Адвокат по выбору',
    ngo: 'Адвокат правозащитной организации',
    state: 'Только государственный адвокат',
    'no-consultation': 'Консультация не разрешена',
    none: 'Адвокат не допущен',
    unknown: 'Неизвестно',
  },
  az: {
    yes: 'Seçdiyi vəkil',
    ngo: 'İnsan hüquqları təşkilatının vəkili',
    state: 'Yalnız dövlət vəkili',
    'no-consultation': 'Məsləhətləşməyə icazə verilməyib',
    none: 'Vəkilə icazə verilməyib',
    unknown: 'Məlum deyil',
  },
});

export const FAMILY_ACCESS = terms({
  en: {
    informed: 'Family informed',
    visits: 'Family visits allowed',
    none: 'No contact with family',
    unknown: 'Unknown',
  },
  ru: {
    informed: 'Семья уведомлена',
    visits: 'Свидания с семьёй разрешены',
    none: 'Нет связи с семьёй',
    unknown: 'Неизвестно',
  },
  az: {
    informed: 'Ailəyə xəbər verilib',
    visits: 'Ailə görüşlərinə icazə verilir',
    none: 'Ailə ilə əlaqə yoxdur',
    unknown: 'Məlum deyil',
  },
});

export const DECISIONS = terms({
  en: {
    pending: 'No decision yet',
    fine: 'Fine',
    detention: 'Detention of N days',
    released: 'Released without penalty',
    other: 'Other',
  },
  ru: {
    pending: 'Решения ещё нет',
    fine: 'Штраф',
    detention: 'Арест на N суток',
    released: 'Освобождён без наказания',
    other: 'Другое',
  },
  az: {
    pending: 'Hələ qərar yoxdur',
    fine: 'Cərimə',
    detention: 'N günlük həbs',
    released: 'Cəzasız azad edilib',
    other: 'Digər',
  },
});

export const PLACE_KINDS = terms({
  en: {
    police: 'Police department',
    court: 'Court',
    dispensary: 'Dispensary',
    'detention-centre': 'Detention centre',
    area: 'City or district',
    other: 'Other',
  },
  ru: {
    police: 'Отдел полиции',
    court: 'Суд',
    dispensary: 'Диспансер',
    'detention-centre': 'Место содержания под стражей',
    area: 'Город или район',
    other: 'Другое',
  },
  az: {
    police: 'Polis idarəsi',
    court: 'Məhkəmə',
    dispensary: 'Dispanser',
    'detention-centre': 'Saxlama yeri',
    area: 'Şəhər və ya rayon',
    other: 'Digər',
  },
});

export const PERPETRATOR_TYPES = terms({
  en: {
    police: 'Police',
    'security-service': 'Security service',
    court: 'Court',
    medical: 'Medical staff',
    private: 'Private individual',
    unknown: 'Unknown',
  },
  ru: {
    police: 'Полиция',
    'security-service': 'Спецслужба',
    court: 'Суд',
    medical: 'Медицинский персонал',
    private: 'Частное лицо',
    unknown: 'Неизвестно',
  },
  az: {
    police: 'Polis',
    'security-service': 'Təhlükəsizlik xidməti',
    court: 'Məhkəmə',
    medical: 'Tibb işçiləri',
    private: 'Fərdi şəxs',
    unknown: 'Məlum deyil',
  },
});

export const INVOLVEMENT_DEGREES = terms({
  en: {
    perpetrator: 'Direct perpetrator',
    command: 'Ordered or commanded',
    complicity: 'Complicit',
    alleged: 'Alleged, unconfirmed',
  },
  ru: {
    perpetrator: 'Непосредственный исполнитель',
    command: 'Отдал приказ',
    complicity: 'Соучастник',
    alleged: 'Предполагаемый, не подтверждено',
  },
  az: {
    perpetrator: 'Bilavasitə icraçı',
    command: 'Əmr verən',
    complicity: 'İştirakçı',
    alleged: 'İddia olunan, təsdiqlənməyib',
  },
});

export const INTERVENTION_TYPES = terms({
  en: {
    'legal-aid': 'Legal aid',
    'medical-aid': 'Medical aid',
    'family-contacted': 'Family contacted',
    appeal: 'Appeal against the decision',
    'un-appeal': 'Urgent appeal to a UN mandate',
    'other-body': 'Request to another body',
    press: 'Press',
  },
  ru: {
    'legal-aid': 'Юридическая помощь',
    'medical-aid': 'Медицинская помощь',
    'family-contacted': 'Связь с семьёй',
    appeal: 'Обжалование решения',
    'un-appeal': 'Срочное обращение к мандату ООН',
    'other-body': 'Обращение в другой орган',
    press: 'Пресса',
  },
  az: {
    'legal-aid': 'Hüquqi yardım',
    'medical-aid': 'Tibbi yardım',
    'family-contacted': 'Ailə ilə əlaqə saxlanılıb',
    appeal: 'Qərardan şikayət',
    'un-appeal': 'BMT mandatına təcili müraciət',
    'other-body': 'Digər quruma müraciət',
    press: 'Mətbuat',
  },
});
export const INTERVENTION_STATUSES = terms({
  en: {
    planned: 'Planned',
    sent: 'Sent or under way',
    answered: 'Answered',
    closed: 'Closed',
  },
  ru: {
    planned: 'Запланировано',
    sent: 'Отправлено / в работе',
    answered: 'Получен ответ',
    closed: 'Закрыто',
  },
  az: {
    planned: 'Planlaşdırılıb',
    sent: 'Göndərilib / icra olunur',
    answered: 'Cavab alınıb',
    closed: 'Bağlanıb',
  },
});
export const PRIORITIES = terms({
  en: {
    urgent: 'Urgent',
    high: 'High',
    normal: 'Normal',
  },
  ru: {
    urgent: 'Срочно',
    high: 'Высокий',
    normal: 'Обычный',
  },
  az: {
    urgent: 'Təcili',
    high: 'Yüksək',
    normal: 'Adi',
  },
});

/** ESF Information: how the source is connected to what it tells. */
export const SOURCE_CONNECTIONS = terms({
  en: {
    victim: 'Victim',
    witness: 'Witness',
    family: 'Family',
    lawyer: 'Lawyer',
    media: 'Media',
    other: 'Other',
  },
  ru: {
    victim: 'Пострадавший',
    witness: 'Свидетель',
    family: 'Семья',
    lawyer: 'Адвокат',
    media: 'СМИ',
    other: 'Другое',
  },
  az: {
    victim: 'Zərərçəkmiş',
    witness: 'Şahid',
    family: 'Ailə',
    lawyer: 'Vəkil',
    media: 'Media',
    other: 'Digər',
  },
});
/** Admiralty grading: source reliability A–F, information credibility 1–6. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const;

export const CONSENT_SHARING = terms({
  en: {
    none: 'Not to be shared',
    un: 'May be shared with UN bodies',
    public: 'May be used publicly (anonymised)',
  },
  ru: {
    none: 'Не передавать',
    un: 'Можно передавать органам ООН',
    public: 'Можно использовать публично (анонимно)',
  },
  az: {
    none: 'Paylaşılmamalıdır',
    un: 'BMT qurumları ilə paylaşıla bilər',
    public: 'Anonim şəkildə ictimai istifadə oluna bilər',
  },
});
export const NAME_PREFERENCES = terms({
  en: {
    name: 'Full name',
    initials: 'Initials only',
    anonymous: 'Anonymous',
  },
  ru: {
    name: 'Полное имя',
    initials: 'Только инициалы',
    anonymous: 'Анонимно',
  },
  az: {
    name: 'Tam ad',
    initials: 'Yalnız inisiallar',
    anonymous: 'Anonim',
  },
});
export const RISK_LEVELS = terms({
  en: {
    high: 'High',
    medium: 'Medium',
    low: 'Low',
    unknown: 'Unknown',
  },
  ru: {
    high: 'Высокий',
    medium: 'Средний',
    low: 'Низкий',
    unknown: 'Неизвестно',
  },
  az: {
    high: 'Yüksək',
    medium: 'Orta',
    low: 'Aşağı',
    unknown: 'Məlum deyil',
  },
});
