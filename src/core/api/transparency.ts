// The public counts' switch and k, as administrators set them.
import * as z from 'zod';
import { MIN_K } from '../transparency/suppress.ts';

export const transparencySettings = z.object({ enabled: z.boolean(), k: z.number().int().min(MIN_K).max(100) });
export type TransparencySettings = z.infer<typeof transparencySettings>;
