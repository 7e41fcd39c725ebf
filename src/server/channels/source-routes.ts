// Moving a source to another channel (or to none): a new version of the source, its sealed part as
// it is. A report's source stays in the form's channel, and only a report's source is in it.
import type { FastifyPluginAsync } from 'fastify';
import { sourceChannelRequest, type SourceChannelResponse } from '../../core/api/channels.ts';
import { COORDINATORS } from '../../core/team/roles.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { appendVersion } from '../records/store.ts';
import { versionPlain } from '../records/plain.ts';
import { offeredChannel } from './store.ts';

export const sourceChannelRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.post<{ Params: { id: string } }>('/api/sources/:id/channel', { config: { access: COORDINATORS } }, async (request): Promise<SourceChannelResponse> => {
    const id = uuidParam(request.params.id);
    const { channelId } = parse(sourceChannelRequest, request.body);
    const member = request.member!.id;
    return db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new HttpError(404, 'not-found');
      if (row.report_id) throw new HttpError(400, 'wrong-channel');
      if (channelId) await offeredChannel(trx, channelId);
      if (row.channel_id === channelId) return { id, version: Number(row.version), channelId };
      const version = Number(row.version) + 1;
      const now = new Date().toISOString();
      const updated = await trx
        .updateTable('sources')
        .set({ channel_id: channelId, version, updated_at: now, updated_by: member })
        .where('id', '=', id)
        .where('version', '=', Number(row.version))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
      await appendVersion(trx, { type: 'source', id, version, at: now, by: member, plain: versionPlain({ ...row, channel_id: channelId }), keyEnvelope: row.key_envelope, sealed: row.sealed });
      await appendAudit(trx, { actor: member, action: 'source.channel-changed', object: id, detail: { channel: channelId, version } });
      return { id, version, channelId };
    });
  });
};
