// The packet report's English wording, and the shape every language's table fills.
import type { CaseKind } from '../../../shared/domain/case.ts';

export interface ReportWords {
  title: string;
  lede: (tool: string) => string;
  agency: string;
  reference: string;
  caseTitle: string;
  kind: string;
  emergency: string;
  externalRefs: string;
  caseOpened: string;
  preparedBy: string;
  preparedAt: string;
  packetId: string;
  items: string;
  originals: string;
  originalsYes: string;
  originalsNo: string;
  fingerprint: string;
  summary: string;
  itemCount: (n: number, size: string) => string;
  byCategory: string;
  bySeverity: string;
  byKind: string;
  count: string;
  uncategorised: string;
  noSeverity: string;
  severity: Record<1 | 2 | 3 | 4 | 5, string>;
  kinds: Record<CaseKind, string>;
  itemKinds: Record<string, string>;
  caseNotes: string;
  itemTable: string;
  file: string;
  type: string;
  category: string;
  severityLabel: string;
  hashes: string;
  detailPages: string;
  notes: string;
  /** A child item: the file it came out of, and where inside. */
  foundIn: string;
  /** Where the item's text layer is in the packet. */
  textFile: string;
  acquired: string;
  camera: string;
  captured: string;
  gps: string;
  tags: string;
  history: string;
  caseHistory: string;
  noEntries: string;
  time: string;
  local: string;
  appendix: string;
  appendixLede: string;
  idsTitle: string;
  rawEntries: string;
  verifyTitle: string;
  /** One custody entry as a sentence; `who` is the actor, `d` the entry's details. */
  sentence: (action: string, who: string, d: Record<string, unknown>) => string;
}

export const str = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

export const en: ReportWords = {
  title: 'Evidence packet',
  lede: (tool) =>
    `Prepared with ${tool}. The files, hashes and custody records in this packet are signed; the last pages say how to check them.`,
  agency: 'Agency',
  reference: 'Reference',
  caseTitle: 'Case',
  kind: 'Kind of case',
  emergency: 'emergency',
  externalRefs: 'External references',
  caseOpened: 'Case opened',
  preparedBy: 'Prepared by',
  preparedAt: 'Prepared at',
  packetId: 'Packet number',
  items: 'Items',
  originals: 'Original files',
  originalsYes: 'included, in the folder evidence/',
  originalsNo: 'not included (hashes only)',
  fingerprint: 'Signing key fingerprint (SHA-256)',
  summary: 'Summary',
  itemCount: (n, size) => `${n} ${n === 1 ? 'item' : 'items'}, ${size} in all.`,
  byCategory: 'By category',
  bySeverity: 'By severity',
  byKind: 'By kind of file',
  count: 'Items',
  uncategorised: 'Not categorised',
  noSeverity: 'Not rated',
  severity: { 1: 'Critical', 2: 'High', 3: 'Medium', 4: 'Low', 5: 'Minimal' },
  kinds: {
    'child-safety': 'Child safety',
    terrorism: 'Terrorism or violent extremism',
    'threat-of-violence': 'Threat of violence',
    'self-harm': 'Self-harm',
    harassment: 'Harassment',
    disinformation: 'Disinformation',
    doxxing: 'Doxxing',
    other: 'Other',
  },
  itemKinds: { image: 'Image', opaque: 'Other file' },
  caseNotes: 'Case notes',
  itemTable: 'Items and hashes',
  file: 'File',
  type: 'Type',
  category: 'Category',
  severityLabel: 'Severity',
  hashes: 'Hashes',
  detailPages: 'Items with notes',
  notes: 'Notes',
  foundIn: 'Found inside',
  textFile: 'Its text',
  acquired: 'Acquired',
  camera: 'Camera',
  captured: 'Captured (per file metadata)',
  gps: 'GPS (per file metadata)',
  tags: 'Tags',
  history: 'Custody history',
  caseHistory: 'Case custody history',
  noEntries: 'No custody entries.',
  time: 'Time',
  local: 'local',
  appendix: 'Appendix: identifiers and raw custody entries',
  appendixLede:
    'Custody’s own identifiers, and each custody entry as the signed log holds it (manifest.json carries them with proofs of inclusion).',
  idsTitle: 'Identifiers',
  rawEntries: 'Raw custody entries',
  verifyTitle: 'Checking this packet',
  sentence: (action, who, d) => {
    switch (action) {
      case 'case.created':
        return `Case opened by ${who}.`;
      case 'case.updated':
        return `Case details changed by ${who}.`;
      case 'case.closed':
        return `Case closed by ${who}.`;
      case 'case.reopened':
        return `Case reopened by ${who}.`;
      case 'item.ingested':
        return `Acquired by ${who}.`;
      case 'item.acquired-again':
        return `Acquired again (the same bytes) by ${who}.`;
      case 'item.unveiled':
        return `Unveiled to ${str(d['step'])} for ${str(d['seconds'])} s by ${who}.`;
      case 'item.veiled':
        return `Veiled again${d['seconds'] !== undefined ? ` after ${str(d['seconds'])} s` : ''}.`;
      case 'item.categorised':
        return `Triaged by ${who}.`;
      case 'item.annotated':
        return `Note added by ${who}.`;
      case 'packet.exported':
        return `Exported in a packet by ${who}.`;
      case 'report.exported':
        return `Exported (${str(d['kind'])}) by ${who}.`;
      default:
        return `${action} by ${who}.`;
    }
  },
};
