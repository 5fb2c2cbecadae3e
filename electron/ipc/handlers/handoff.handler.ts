import type { Handlers } from '../dispatch.ts';

type HandoffHandlers = Pick<
  Handlers,
  | 'handoff:send'
  | 'handoff:receive'
  | 'handoff:status'
  | 'handoff:history'
  | 'handoff:conflicts'
  | 'handoff:resolve'
  | 'handoff:take-back'
>;

// Paths only by handle, from main's dialogs (the ones packets use) or a drop.
export const handoffHandlers: HandoffHandlers = {
  'handoff:send': (core, { caseId, to, out }) =>
    core.handoff.send({ caseId, to, out: core.paths.take(out, 'packet-out') }),
  'handoff:receive': (core, { bundle, dropped }) =>
    core.handoff.receive(core.paths.take(bundle, dropped ? 'evidence' : 'packet-in')),
  'handoff:status': (core, { caseId }) => core.handoff.status(caseId),
  'handoff:history': (core, { caseId }) => core.handoff.history(caseId),
  'handoff:conflicts': (core, { caseId }) => core.handoff.conflicts(caseId),
  'handoff:resolve': (core, { caseId, conflict, keep }) =>
    core.handoff.resolve(caseId, conflict, keep),
  'handoff:take-back': (core, { caseId, reason }) => core.handoff.takeBack(caseId, reason),
};
