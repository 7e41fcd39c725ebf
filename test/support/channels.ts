// Channels made the way the workspace makes them: the name sealed on the "browser" side under a
// fresh key, bound to the channel's id like a record's fields.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { newRecordKey, openFields, sealFields } from '../../src/core/records/sealing.ts';
import type { ChannelView } from '../../src/core/records/channels.ts';
import { recordsKey } from './records.ts';
import type { LoggedIn } from './org.ts';

/** The request body for a new channel (the id the browser chose, and the sealed name). */
export async function channelRequest(member: LoggedIn, kind: string, name: string, id: string = randomUUID()) {
  const key = await newRecordKey(await recordsKey(member));
  return { id, record: { kind, secret: await sealFields(key, 'channel', id, { name }) } };
}

export async function createChannel(member: LoggedIn, kind: string, name: string): Promise<ChannelView> {
  const response = await member.post('/api/channels', await channelRequest(member, kind, name));
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { channel: ChannelView }).channel;
}

export async function listChannels(member: LoggedIn): Promise<ChannelView[]> {
  const response = await member.get('/api/channels');
  assert.equal(response.status, 200);
  return ((await response.json()) as { channels: ChannelView[] }).channels;
}

/** A channel's name as a member's browser opens it. */
export const channelName = async (member: LoggedIn, channel: ChannelView): Promise<string> =>
  (await openFields<{ name: string }>(channel.secret!, 'channel', channel.id, member.keyring)).name;
