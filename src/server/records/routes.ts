// Structured records: the registries the team keeps (registry.ts), the records themselves with
// their purge (records-routes.ts, purge.ts), and custody — detentions, transfers and the boards
// (custody-routes.ts, boards.ts).
import type { FastifyPluginAsync } from 'fastify';
import { registryRoutes } from './registry.ts';
import { recordsRoutes } from './records-routes.ts';
import { custodyRoutes } from './custody-routes.ts';

export const recordRoutes: FastifyPluginAsync = async (app) => {
  registryRoutes(app);
  recordsRoutes(app);
  custodyRoutes(app);
};
