// Channels (issue 12): the lists an estimate is made of — the report form, a lawyers' network, a
// partner's bundles, media monitoring, a hotline. Every member who reads records sees them (a source
// names its channel); coordinators and administrators define them. A name is sealed in the browser
// like a record's fields; the server keeps the kind and whether the channel is still offered.
import type { FastifyPluginAsync } from 'fastify';
import { listChannels } from './store.ts';

const READERS = ['admin', 'coordinator', 'documenter', 'viewer'] as const;

export const channelRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/channels', { config: { access: READERS } }, async () => ({ channels: await listChannels(db) }));
};
