// The play session as the renderer knows it: set only from the core's answer to playback:start,
// cleared the moment the core says the session ended (stop, any veiling, pause timeout, lock) or
// the page veils (window blur, next item). The <video> exists only while this store holds a session.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { announce } from '../../base/store-events.ts';
import { invoke, on } from '../../ipc/client.ts';

interface PlaybackState {
  itemId: string | null;
  muted: boolean;
  busy: boolean;
}

interface PlaybackActions {
  start: (itemId: string, reason?: string) => Promise<Outcome<unknown>>;
  /** The page's report: the media plays or pauses (the core times the pause out). */
  report: (playing: boolean) => void;
  unmute: () => Promise<Outcome<unknown>>;
  stop: () => Promise<void>;
  endedByCore: (itemId: string) => void;
}

const idle = { itemId: null, muted: true };

export const usePlayback = defineStore<PlaybackState, PlaybackActions>(
  () => ({ ...idle, busy: false }),
  (set, get) => ({
    start: async (itemId, reason) => {
      set({ busy: true });
      const stale = staleGuard();
      const outcome = await attempt(stale, () =>
        invoke('playback:start', { itemId, ...(reason ? { reason } : {}) }),
      );
      set({ busy: false });
      if (outcome.ok) set({ itemId: outcome.value.itemId, muted: outcome.value.muted });
      return outcome;
    },
    report: (playing) => {
      const { itemId } = get();
      if (itemId) void attempt(staleGuard(), () => invoke('playback:state', { itemId, playing }));
    },
    unmute: async () => {
      const { itemId } = get();
      if (!itemId) return { ok: true, value: null };
      const outcome = await attempt(staleGuard(), () => invoke('playback:unmute', { itemId }));
      if (outcome.ok && get().itemId === itemId) set({ muted: outcome.value.muted });
      return outcome;
    },
    stop: async () => {
      if (get().itemId === null) return;
      set(idle);
      const stale = staleGuard();
      await attempt(stale, () => invoke('playback:stop', {}));
      if (!stale()) announce('exposure-changed', {});
    },
    endedByCore: (itemId) => {
      if (get().itemId === itemId) set(idle);
      announce('exposure-changed', {});
    },
  }),
);

/** Ends the session on the core's word, and on the page's side at once when the window loses focus. */
export function listenForPlayback(): () => void {
  const stop = on('playback:ended', ({ itemId }) => usePlayback.getState().endedByCore(itemId));
  const onBlur = () => void usePlayback.getState().stop();
  window.addEventListener('blur', onBlur);
  return () => {
    stop();
    window.removeEventListener('blur', onBlur);
  };
}
