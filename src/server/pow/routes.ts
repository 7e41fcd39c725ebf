// GET /api/pow?for=report|evidence|status: a fresh challenge for the public script to solve. No
// body, no state kept (the challenge carries its own MAC), so it needs no limit of its own.
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { HttpError, parse } from '../http/errors.ts';
import { POW_FAMILIES } from '../../core/pow/proof.ts';
import { proofOfWork } from './guard.ts';

export const powRoutes: FastifyPluginAsync = async (app) => {
  const pow = proofOfWork(app.vigil);
  const query = z.object({ for: z.enum(POW_FAMILIES) });

  app.get('/api/pow', { config: { access: 'public' } }, async (request) => {
    if (!pow.enabled) throw new HttpError(404, 'not-found');
    return pow.challenge(parse(query, request.query).for);
  });
};
