// Packets for agencies and escalations: build (needs the unlocked vault) and verify (needs nothing
// but Node). Format: docs/formats/packet.md.
export { buildPacket } from './build.ts';
export type { BuildOptions, BuiltPacket, PacketProgress, PacketRecipient } from './build.ts';
export { verifyPacket, normalizeFingerprint } from './verify.ts';
export type { VerifyOptions } from './verify.ts';
export type { Verdict, Problem, ItemStatus } from './verdict.ts';
export { chromiumPdf, type RenderPdf } from './render-pdf.ts';
export { renderReportHtml } from './report-html.ts';
