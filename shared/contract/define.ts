import { z } from 'zod';
import { errorCodes } from '../domain/error-codes.ts';

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

/** Requests are always objects, closed to unknown keys: a stray field is a bad request, not ignored. */
export function channel<Req extends z.ZodObject, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelDef<Req, Res> {
  return { request, response };
}

export const noArgs = z.strictObject({});

export const ipcErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** English, as the core said it. */
  message: z.string(),
  /** What the message is made of, for the renderer to say it in the reviewer's language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
