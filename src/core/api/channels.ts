// Channels and a source's channel on the wire: what the workspace sends to make, rename and move,
// and what the server answers. The channel itself (kinds, its sealed name) is core/records/channels.ts.
import * as z from 'zod';
import { channelInput, type ChannelView } from '../records/channels.ts';

// Lower case as crypto.randomUUID makes them: the estimate's request matches channel ids in lower case.
export const channelCreated = z.object({ id: z.uuid().regex(/^[0-9a-f-]+$/), record: channelInput });
/** A new name or kind, from the version it was read at. */
export const channelChanged = z.object({ version: z.number().int().min(1), record: channelInput });
/** A source moved to a channel, or to none. */
export const sourceChannelRequest = z.object({ channelId: z.uuid().nullable() });

export interface ChannelsResponse {
  channels: ChannelView[];
}
export interface ChannelResponse {
  channel: ChannelView;
}
export interface SourceChannelResponse {
  id: string;
  version: number;
  channelId: string | null;
}
