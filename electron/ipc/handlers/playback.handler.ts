import type { Handlers } from '../dispatch.ts';

type PlaybackHandlers = Pick<
  Handlers,
  'playback:start' | 'playback:state' | 'playback:unmute' | 'playback:stop'
>;

export const playbackHandlers: PlaybackHandlers = {
  'playback:start': (core, { itemId, reason }) => core.playback.start(itemId, reason),
  'playback:state': (core, { itemId, playing }) => core.playback.playing(itemId, playing),
  'playback:unmute': (core, { itemId }) => core.playback.unmute(itemId),
  'playback:stop': (core) => ({ stopped: core.playback.stop() }),
};
