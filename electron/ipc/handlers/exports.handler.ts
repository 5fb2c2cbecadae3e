import type { Handlers } from '../dispatch.ts';

type ExportHandlers = Pick<
  Handlers,
  | 'exports:reporter-get'
  | 'exports:reporter-set'
  | 'exports:pick-xsd'
  | 'exports:ncmec'
  | 'exports:vics'
  | 'exports:case-uco'
>;

// Paths only by handle, from the save dialog the packaging screen opens (`packets:pick-out`).
export const exportHandlers: ExportHandlers = {
  'exports:reporter-get': (core) => ({ profile: core.exports.reporter() }),
  'exports:reporter-set': (core, profile) => core.exports.setReporter(profile),
  'exports:pick-xsd': async (core) => ({ file: await core.pickXsd() }),
  'exports:ncmec': (core, { out, xsd, ...args }) =>
    core.exports.ncmec({
      ...args,
      out: core.paths.take(out, 'packet-out'),
      ...(xsd ? { xsd: core.paths.take(xsd, 'xsd') } : {}),
    }),
  'exports:vics': (core, { out, ...args }) =>
    core.exports.vics({ ...args, out: core.paths.take(out, 'packet-out') }),
  'exports:case-uco': (core, { out, ...args }) =>
    core.exports.caseUco({ ...args, out: core.paths.take(out, 'packet-out') }),
};
