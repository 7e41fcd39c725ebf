// What a reporter can tell us, version 1. The same schema checks the form on the server (no-JS
// path, before sealing in memory), in the reporter's browser (JS path, before sealing there) and
// in the documenter's browser (after opening). zod/mini keeps the sealing script small.
import * as z from 'zod/mini';
import { LANGUAGES } from '../i18n/languages.ts';


export const WHAT_HAPPENED = [
  'detained',
  'raid',
  'entrapment',
  'online',
  'violence',
  'medical',
  'names',
  'extortion',
  'sentenced',
  'other',
] as const;
export type WhatHappened = (typeof WHAT_HAPPENED)[number];

export const STILL_HELD = ['yes', 'no', 'unknown'] as const;
export const YES_NO = ['yes', 'no'] as const;

export const LIMITS = {
  short: 200,
  story: 20_000,
  contact: 300,
  people: 10_000,
} as const;

const text = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

export const reportAnswersV1 = z
  .object({
    v: z.literal(1),
    lang: z.enum(LANGUAGES),
    what: z.array(z.enum(WHAT_HAPPENED)).check(z.maxLength(WHAT_HAPPENED.length)),
    whatOther: text(LIMITS.short),
    whenExact: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    whenRough: text(LIMITS.short),
    city: text(LIMITS.short),
    place: text(LIMITS.short),
    people: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.people))),
    stillHeld: z.enum(STILL_HELD),
    story: text(LIMITS.story),
    contact: text(LIMITS.contact),
    consentPublic: z.enum(YES_NO),
    consentLegal: z.enum(YES_NO),
  })
  .check(
    z.refine((a) => a.what.length > 0 || (a.story ?? '').length > 0, {
      message: 'nothing-said',
      path: ['story'],
    }),
  );

export type ReportAnswers = z.infer<typeof reportAnswersV1>;
