// A registry entry as the API gives it: declared once, for the server that sends it and the
// workspace that shows it.
import type { Labels } from '../records/term.ts';

export interface RegistryEntry {
  id: string;
  kind: 'place' | 'unit' | 'provision' | 'act-type';
  code: string;
  labels: Labels;
  placeKind: string | null;
  appealDays: number | null;
  /** The day it was retired: kept on the records that name it, no longer offered for new ones. */
  retiredAt: string | null;
  /** What it says, hashed by the server: a change names the tag it was read at. */
  tag: string;
}
