// Channels (issue 12): the lists an estimate is made of — the report form, a lawyers' network, a
// partner's bundles, media monitoring, a hotline. Every member who reads records sees them (a source
// names its channel); coordinators and administrators define them and move a source from one to
// another (source-routes.ts). A name is sealed in the browser like a record's fields; the server
// keeps the kind and whether the channel is still offered for new sources. The audit log says what
// was done, to which channel or source, never a name.
import type { FastifyPluginAsync } from 'fastify';
import type { Transaction } from 'kysely';
import { FORM_CHANNEL_ID } from '../../core/records/channels.ts';
import { channelChanged, channelCreated, type ChannelResponse, type ChannelsResponse } from '../../core/api/channels.ts';
import { COORDINATORS, EVERYONE } from '../../core/team/roles.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { checkedSecret } from '../records/store.ts';
import { channelRow, channelView, listChannels, updateChannel } from './store.ts';
import { sourceChannelRoutes } from './source-routes.ts';

/** A channel the team made (the built-in form is not theirs to change: 409), or 404. */
async function ownChannel(trx: Transaction<Database>, id: string) {
  const row = await channelRow(trx, id);
  if (!row) throw new HttpError(404, 'not-found');
  if (row.id === FORM_CHANNEL_ID) throw new HttpError(409, 'form-channel');
  return row;
}

export const channelRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const secret = app.vigil.secret;

  app.get('/api/channels', { config: { access: EVERYONE } }, async (): Promise<ChannelsResponse> => ({ channels: await listChannels(db) }));

  // The browser chose the id: the name is sealed bound to it, as a record's fields are.
  app.post('/api/channels', { config: { access: COORDINATORS } }, async (request, reply) => {
    const { id, record } = parse(channelCreated, request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    const channel = await db.transaction().execute(async (trx) => {
      const sealed = await checkedSecret(trx, secret, record.secret, { current: true });
      if (await channelRow(trx, id)) throw new HttpError(409, 'edit-conflict');
      await trx.insertInto('channels').values({ id, kind: record.kind, ...sealed, version: 1, retired: 0, created_at: now, created_by: member, updated_at: now, updated_by: member }).execute();
      await appendAudit(trx, { actor: member, action: 'channel.created', object: id, detail: { kind: record.kind } });
      return channelView((await channelRow(trx, id))!);
    });
    return reply.code(201).send({ channel } satisfies ChannelResponse);
  });

  // A new name or kind, from the version it was read at.
  app.post<{ Params: { id: string } }>('/api/channels/:id', { config: { access: COORDINATORS } }, async (request): Promise<ChannelResponse> => {
    const id = uuidParam(request.params.id);
    const { version, record } = parse(channelChanged, request.body);
    const member = request.member!.id;
    return db.transaction().execute(async (trx) => {
      await ownChannel(trx, id);
      const sealed = await checkedSecret(trx, secret, record.secret, { current: false });
      await updateChannel(trx, id, version, { kind: record.kind, ...sealed, updated_by: member });
      await appendAudit(trx, { actor: member, action: 'channel.updated', object: id, detail: { kind: record.kind, version: version + 1 } });
      return { channel: channelView((await channelRow(trx, id))!) };
    });
  });

  // Retired: no longer offered for new sources; the sources it is on keep it, and so do estimates.
  for (const [path, retired] of [['retire', 1], ['restore', 0]] as const) {
    app.post<{ Params: { id: string } }>(`/api/channels/:id/${path}`, { config: { access: COORDINATORS } }, async (request): Promise<ChannelResponse> => {
      const id = uuidParam(request.params.id);
      const member = request.member!.id;
      return db.transaction().execute(async (trx) => {
        const row = await ownChannel(trx, id);
        if (Number(row.retired) !== retired) {
          const version = Number(row.version) + 1;
          await trx.updateTable('channels').set({ retired, version, updated_at: new Date().toISOString(), updated_by: member }).where('id', '=', id).execute();
          await appendAudit(trx, { actor: member, action: retired ? 'channel.retired' : 'channel.restored', object: id, detail: { version } });
        }
        return { channel: channelView((await channelRow(trx, id))!) };
      });
    });
  }

  await app.register(sourceChannelRoutes);
};
