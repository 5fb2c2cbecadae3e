// One dispatcher, two transports: electron/main binds it to ipcMain.handle, the browser harness to
// loopback HTTP. It validates both ways, so no handler runs on a message the contract does not allow.
import {
  channels,
  isChannelName,
  type ChannelName,
  type ParsedRequest,
  type Response,
} from '../../shared/contract/index.ts';
import type { IpcResult } from '../../shared/contract/index.ts';
import { storageError } from '../core/errors.ts';
import type { CustodyCore } from '../core/core.ts';

export type Handler<C extends ChannelName> = (
  core: CustodyCore,
  args: ParsedRequest<C>,
) => Promise<Response<C>> | Response<C>;

export type Handlers = { [C in ChannelName]: Handler<C> };

export type Dispatch = (channel: unknown, args: unknown) => Promise<IpcResult<unknown>>;

/** Called for errors that are not CustodyErrors: a bug, never shown in detail to the renderer. */
export type OnInternalError = (channel: string, error: unknown) => void;

export function createDispatcher(
  core: CustodyCore,
  handlers: Handlers,
  onInternalError: OnInternalError = () => {},
): Dispatch {
  return async (channel, args) => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } };
    }
    const def = channels[channel];
    const parsed = def.request.safeParse(args ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? `${first.path.join('.')}: ` : '';
      return {
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: `Bad request to ${channel}: ${where}${first?.message ?? 'invalid'}.`,
        },
      };
    }
    try {
      const handler = handlers[channel] as Handler<ChannelName>;
      const value: unknown = await handler(core, parsed.data);
      const checked = def.response.safeParse(value);
      if (!checked.success) {
        onInternalError(channel, checked.error);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'The response broke the contract.' },
        };
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      const typed = storageError(e);
      if (typed) {
        const { code, message, params } = typed;
        return { ok: false, error: { code, message, ...(params ? { params } : {}) } };
      }
      onInternalError(channel, e);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed.' },
      };
    }
  };
}
