// What the core has unveiled, as the renderer knows it. The screen asks for an image variant only
// from this store, and the store holds a step only after reveal:set said so: the renderer never
// runs ahead of the core. It falls back to veiled at `until`, on 'reveal:veiled', on window blur,
// and on lock (resetAllStores), whichever comes first.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { announce } from '../../base/store-events.ts';
import { invoke, on } from '../../ipc/client.ts';
import type { RevealStep } from '../../../shared/domain/item.ts';

interface RevealState {
  itemId: string | null;
  /** The still of the item unveiled (a video keyframe's index), or null for its own picture. */
  frame: number | null;
  step: RevealStep;
  /** Epoch ms when the core veils the item again. */
  until: number | null;
  busy: boolean;
  /** The grid's r: the item view opens and takes the first step for this item. */
  firstStepFor: string | null;
}

interface RevealActions {
  /** Asks the core for `step` on the item (for the vault's duration); the store follows only the core's answer. */
  /** `override`: the typed reason that unveils an item a known-illegal match keeps veiled. */
  /** `frame`: one still of the item (the ladder applies to one picture at a time). */
  unveil: (
    itemId: string,
    step: RevealStep,
    reason?: string,
    override?: { reason: string },
    frame?: number | null,
  ) => Promise<Outcome<RevealStep>>;
  /** Veils now: the screen first, then the core. */
  veil: () => Promise<void>;
  /** The core veiled an item by itself (expiry, another item unveiled). */
  veiledByCore: (itemId: string) => void;
  requestFirstStep: (itemId: string) => void;
  /** Whether the first step was asked for this item; asking again needs another r. */
  takeFirstStep: (itemId: string) => boolean;
}

const veiled = { itemId: null, frame: null, step: 'veiled' as RevealStep, until: null };
let expiry: ReturnType<typeof setTimeout> | null = null;
// Bumped by every veiling: an unveil answered after the screen was veiled again must not undo it.
let epoch = 0;

/** Asking for exposure after a lock would be refused by the core: only while the session lasts. */
function exposureChanged(stale: () => boolean): void {
  if (!stale()) announce('exposure-changed', {});
}

function clearExpiry(): void {
  if (expiry !== null) clearTimeout(expiry);
  expiry = null;
}

export const useReveal = defineStore<RevealState, RevealActions>(
  () => ({ ...veiled, busy: false, firstStepFor: null }),
  (set, get) => {
    const expire = (itemId: string, until: number) => {
      const s = get();
      if (s.itemId === itemId && s.until === until) set(veiled);
    };
    return {
      unveil: async (itemId, step, reason, override, frame = null) => {
        set({ busy: true });
        const at = epoch;
        const stale = staleGuard();
        const outcome = await attempt(stale, () =>
          invoke('reveal:set', {
            itemId,
            step,
            ...(reason ? { reason } : {}),
            ...(override ? { override } : {}),
            ...(frame !== null ? { frame } : {}),
          }),
        );
        set({ busy: false });
        exposureChanged(stale);
        if (!outcome.ok) return outcome;
        const { step: granted, until } = outcome.value;
        if (at !== epoch) return { ok: true, value: 'veiled' };
        clearExpiry();
        if (granted === 'veiled' || until === null) {
          set(veiled);
        } else {
          set({ itemId, frame, step: granted, until });
          expiry = setTimeout(() => expire(itemId, until), Math.max(0, until - Date.now()));
        }
        return { ok: true, value: granted };
      },
      veil: async () => {
        epoch += 1;
        clearExpiry();
        set(veiled);
        const stale = staleGuard();
        await attempt(stale, () => invoke('reveal:veil-all', {}));
        exposureChanged(stale);
      },
      veiledByCore: (itemId) => {
        if (get().itemId === itemId) {
          epoch += 1;
          clearExpiry();
          set(veiled);
        }
        announce('exposure-changed', {});
      },
      requestFirstStep: (firstStepFor) => set({ firstStepFor }),
      takeFirstStep: (itemId) => {
        const asked = get().firstStepFor;
        if (asked !== null) set({ firstStepFor: null });
        return asked === itemId;
      },
    };
  },
);

/** The variant the screen may show for an item (or its still `frame`) right now. */
export function shownStep(
  s: Pick<RevealState, 'itemId' | 'frame' | 'step' | 'until'>,
  itemId: string,
  now: number,
  frame: number | null = null,
): RevealStep {
  if (s.itemId !== itemId || s.frame !== frame || s.until === null || now >= s.until)
    return 'veiled';
  return s.step;
}

/** Veils on the core's word, when the window loses focus, and when it is hidden. */
export function listenForReveal(): () => void {
  const stop = on('reveal:veiled', ({ itemId }) => useReveal.getState().veiledByCore(itemId));
  const onBlur = () => void useReveal.getState().veil();
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void useReveal.getState().veil();
  };
  window.addEventListener('blur', onBlur);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    stop();
    window.removeEventListener('blur', onBlur);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
