// A stand-in for window.custody in renderer unit tests: answers per channel, a record of calls,
// and main's events on demand.
export type Answer = (args: never) => unknown;

export class Refusal extends Error {
  readonly code: string;
  constructor(code: string, message = code) {
    super(message);
    this.code = code;
  }
}

export interface FakeCustody {
  calls: { channel: string; args: unknown }[];
  emit: (event: string, payload: unknown) => void;
  answer: (channel: string, answer: Answer) => void;
}

export function fakeCustody(answers: Record<string, Answer> = {}): FakeCustody {
  const table = new Map<string, Answer>(Object.entries(answers));
  const calls: FakeCustody['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client = {
    invoke: async (channel: string, args: unknown) => {
      calls.push({ channel, args });
      try {
        const answer = table.get(channel) as ((a: unknown) => unknown) | undefined;
        return { ok: true, value: await answer?.(args) };
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        return { ok: false, error: { code: e.code, message: e.message } };
      }
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    previewBase: 'test://preview/',
  };
  // Typed without the DOM: this file is also part of the Node program.
  const { window } = globalThis as unknown as { window: object };
  Object.defineProperty(window, 'custody', { value: client, configurable: true });
  return {
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    answer: (channel, answer) => table.set(channel, answer),
  };
}
