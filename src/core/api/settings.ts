// The organization's settings after setup (issue 14): what the settings page sends and receives.
import * as z from 'zod';
import { setupRequest } from './auth.ts';
import { isTimeZone } from '../i18n/format.ts';

/** Quick exit goes to our own neutral page (a path here) or to a full http(s) address elsewhere. */
export function isExitAddress(value: string): boolean {
  // A path here; never `//host` or `/\host`, which browsers read as another site.
  if (/^\/(?![/\\])[^\s\\]*$/.test(value)) return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const organization = setupRequest.shape.organization;

export const organizationSettings = z.object({
  name: organization.shape.name,
  publicTitle: organization.shape.publicTitle,
  languages: organization.shape.languages.refine((list) => new Set(list).size === list.length),
  timeZone: z.string().refine(isTimeZone),
  /** null: the server's default (VIGIL_EXIT_URL, our own /exit page unless set). */
  exitUrl: z.string().trim().max(500).refine(isExitAddress).nullable(),
});
export type OrganizationSettings = z.infer<typeof organizationSettings>;

/** A change is made on the version it was read at: someone else's change meanwhile is a 409. */
export const settingsUpdate = organizationSettings.extend({ version: z.number().int().min(1) });

export interface SettingsView extends OrganizationSettings {
  version: number;
  /** Where quick exit goes when exitUrl is null. */
  defaultExitUrl: string;
}
