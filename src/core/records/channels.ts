// Channels: the lists a capture history is made of (issue 12). Each source of a record may name the
// channel it came through; the estimate treats each channel as one list. Kinds are plain so the
// workspace can offer sensible defaults; a channel's name is sealed like a record's fields.
import * as z from 'zod';
import { secretPart } from './schemas.ts';
import { terms } from './term.ts';

/** The built-in channel of the organization's own report form: every source that is a report is in it. */
export const FORM_CHANNEL_ID = '00000000-0000-4000-8000-00000000f0a1';

export const CHANNEL_KINDS = terms({
  en: {
    form: 'Our report form',
    partner: "A partner organization's bundles",
    lawyers: "Lawyers' network",
    media: 'Media monitoring',
    hotline: 'Hotline',
    other: 'Other',
  },
  ru: {
    form: 'Наша форма сообщений',
    partner: 'Пакеты партнёрской организации',
    lawyers: 'Сеть адвокатов',
    media: 'Мониторинг СМИ',
    hotline: 'Горячая линия',
    other: 'Другое',
  },
  az: {
    form: 'Hesabat formamız',
    partner: 'Tərəfdaş təşkilatın paketləri',
    lawyers: 'Vəkillər şəbəkəsi',
    media: 'Media monitorinqi',
    hotline: 'Qaynar xətt',
    other: 'Digər',
  },
});
export type ChannelKind = (typeof CHANNEL_KINDS)[number]['key'];
/** Kinds a member may create: the report form exists once, built in. */
export const CREATABLE_KINDS = ['partner', 'lawyers', 'media', 'hotline', 'other'] as const;

/** A channel as members create or rename it; its name (`{ name }`) is in the sealed part. */
export const channelInput = z.object({
  kind: z.enum(CREATABLE_KINDS),
  secret: secretPart,
});
export type ChannelInput = z.infer<typeof channelInput>;

/** A channel as the server lists it; `secret` is null only for the built-in report form. */
export interface ChannelView {
  id: string;
  kind: ChannelKind;
  secret: z.infer<typeof secretPart> | null;
  version: number;
  retired: boolean;
}
