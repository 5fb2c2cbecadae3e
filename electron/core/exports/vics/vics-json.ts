// Project VIC VICS JSON, the shape Griffeye, AXIOM and IPED read: 2.0 (`@odata.context`, `value`
// = the Media) by default, 1.3 (`odata.metadata`, `value` = one Case holding the Media) on request.
// Booleans are JSON booleans, never strings. Fields: docs/formats/vics.md.
import type { ExportCase, ExportItem } from '../export-case.ts';
import { labelIn } from '../export-case.ts';

export const vicsVersions = ['2.0', '1.3'] as const;
export type VicsVersion = (typeof vicsVersions)[number];

export const VICS_CONTEXT = {
  '2.0': 'http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media',
  '1.3': 'http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml/CUSTOM/$metadata#Cases',
} as const;

export interface VicsMedia {
  MediaID: number;
  Category: number | null;
  MD5: string;
  SHA1: string;
  MediaSize: number;
  MimeType: string;
  IsPrecategorized: boolean;
  VictimIdentified: boolean;
  OffenderIdentified: boolean;
  IsDistributed: boolean;
  Series: string;
  Tags: string;
  Comments: string;
  Exifs: { PropertyName: string; PropertyValue: string }[];
  MediaFiles: { FileName: string; FilePath: string; Created: string }[];
}

/** Tags that carry VICS's yes/no facts; the reviewer sets them like any other tag. */
export const VICS_FLAG_TAGS = {
  VictimIdentified: 'victim-identified',
  OffenderIdentified: 'offender-identified',
  IsDistributed: 'distributed',
} as const;
const flagTags = new Set<string>(Object.values(VICS_FLAG_TAGS));
const SERIES_PREFIX = 'series:';

/** The VICS US category (0–4) from the item's `vics-us` label; null while uncategorised. */
function usCategory(x: ExportItem): number | null {
  const code = labelIn(x, 'vics-us')?.code;
  return code !== undefined && /^[0-4]$/.test(code) ? Number(code) : null;
}

/**
 * VICS 1.x readers take Category in the legacy CAT-0..5 scheme, where 0 means "uncategorised":
 * writing a US code there would turn "non-pertinent" (US 0) into "not looked at". So 1.3 carries
 * the item's own `dhs-cat` label, else the US label's exact legacy equivalent (the mapping table in
 * shared/domain/category-schemes.ts), else null; US 3 and 4 have no exact one.
 */
const LEGACY_FROM_US: Readonly<Record<number, number>> = { 0: 4, 1: 1, 2: 2 };

function legacyCategory(x: ExportItem): number | null {
  const own = /^CAT([1-5])$/.exec(labelIn(x, 'dhs-cat')?.code ?? '');
  if (own) return Number(own[1]);
  const us = usCategory(x);
  return us === null ? null : (LEGACY_FROM_US[us] ?? null);
}

function exifs(x: ExportItem): VicsMedia['Exifs'] {
  const m = x.item.metadata;
  if (!m) return [];
  const pairs: [string, string | null][] = [
    ['Make', m.make],
    ['Model', m.model],
    ['DateTimeOriginal', m.capturedAt],
    ['GPSLatitude', m.gps?.latitude?.toString() ?? null],
    ['GPSLongitude', m.gps?.longitude?.toString() ?? null],
  ];
  return pairs.flatMap(([PropertyName, v]) => (v ? [{ PropertyName, PropertyValue: v }] : []));
}

function media(x: ExportItem, n: number, version: VicsVersion): VicsMedia {
  const { item, extras } = x;
  const tags = new Set(extras.tags);
  const series = extras.tags.find((t) => t.startsWith(SERIES_PREFIX));
  return {
    MediaID: n,
    Category: version === '2.0' ? usCategory(x) : legacyCategory(x),
    MD5: item.md5.toUpperCase(),
    SHA1: item.sha1.toUpperCase(),
    MediaSize: item.size,
    MimeType: item.mime,
    IsPrecategorized: false,
    VictimIdentified: tags.has(VICS_FLAG_TAGS.VictimIdentified),
    OffenderIdentified: tags.has(VICS_FLAG_TAGS.OffenderIdentified),
    IsDistributed: tags.has(VICS_FLAG_TAGS.IsDistributed),
    Series: series ? series.slice(SERIES_PREFIX.length) : '',
    Tags: extras.tags.filter((t) => !flagTags.has(t) && t !== series).join(', '),
    Comments: extras.notes.map((note) => note.body).join('\n\n'),
    Exifs: exifs(x),
    MediaFiles: item.acquisitions.map((a) => ({
      FileName: item.originalName,
      FilePath: a.sourcePath,
      Created: a.acquiredAt,
    })),
  };
}

export function vicsDocument(data: ExportCase, version: VicsVersion): object {
  const all = data.items.map((x, i) => media(x, i + 1, version));
  if (version === '2.0') return { '@odata.context': VICS_CONTEXT['2.0'], value: all };
  return {
    'odata.metadata': VICS_CONTEXT['1.3'],
    value: [{ CaseID: data.case.id, CaseNumber: data.case.id, Media: all }],
  };
}
