// CASE 1.4 / UCO 1.4 JSON-LD: each item a uco-observable:File with its file, content-data and hash
// facets; the custody log's acquisitions, categorisations and exports as InvestigativeActions with
// performer, instrument (Custody and its version), times, objects and results; a ProvenanceRecord
// per acquired file. Shapes and choices: docs/formats/case-uco.md.
import { createHash } from 'node:crypto';
import type { CustodyEntry } from '../../custody/entry.ts';
import type { ExportCase, ExportItem } from '../export-case.ts';

type Node = { '@id': string; '@type': string | string[] } & Record<string, unknown>;

export const CASE_UCO_CONTEXT = {
  kb: 'urn:custody:kb:',
  'case-investigation': 'https://ontology.caseontology.org/case/investigation/',
  'uco-action': 'https://ontology.unifiedcyberontology.org/uco/action/',
  'uco-core': 'https://ontology.unifiedcyberontology.org/uco/core/',
  'uco-identity': 'https://ontology.unifiedcyberontology.org/uco/identity/',
  'uco-observable': 'https://ontology.unifiedcyberontology.org/uco/observable/',
  'uco-tool': 'https://ontology.unifiedcyberontology.org/uco/tool/',
  'uco-types': 'https://ontology.unifiedcyberontology.org/uco/types/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** A stable UUID-shaped name from a seed, so one item is one IRI in every export (UCO wants a UUID). */
function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
const iri = (kind: string, seed: string) => `kb:${kind}-${uuidFrom(`${kind}:${seed}`)}`;
const ref = (id: string) => ({ '@id': id });
const time = (at: string) => ({ '@type': 'xsd:dateTime', '@value': at });

function fileNodes(x: ExportItem): Node[] {
  const { item } = x;
  const id = iri('file', item.id);
  const hashes = (
    [
      ['MD5', item.md5],
      ['SHA1', item.sha1],
      ['SHA256', item.sha256],
    ] as const
  ).map(([method, value]) => ({
    '@id': iri('hash', `${item.id}:${method}`),
    '@type': 'uco-types:Hash',
    'uco-types:hashMethod': method,
    'uco-types:hashValue': { '@type': 'xsd:hexBinary', '@value': value.toUpperCase() },
  }));
  return [
    {
      '@id': id,
      '@type': 'uco-observable:File',
      'uco-core:hasFacet': [
        {
          '@id': iri('file-facet', item.id),
          '@type': 'uco-observable:FileFacet',
          'uco-observable:fileName': item.originalName,
          'uco-observable:sizeInBytes': item.size,
        },
        {
          '@id': iri('content-data-facet', item.id),
          '@type': 'uco-observable:ContentDataFacet',
          'uco-observable:mimeType': item.mime,
          'uco-observable:sizeInBytes': item.size,
          'uco-observable:hash': hashes,
        },
      ],
    },
  ];
}

interface Actors {
  tool: string;
  identity(actor: string): string;
  nodes(): Node[];
}

function actors(tool: { name: string; version: string }): Actors {
  const ids = new Map<string, string>();
  const toolId = iri('tool', `${tool.name}:${tool.version}`);
  return {
    tool: toolId,
    identity(actor) {
      const id = ids.get(actor) ?? iri('identity', actor);
      ids.set(actor, id);
      return id;
    },
    nodes: () => [
      {
        '@id': toolId,
        '@type': 'uco-tool:Tool',
        'uco-core:name': tool.name,
        'uco-tool:version': tool.version,
      },
      ...[...ids].map(([actor, id]) => ({
        '@id': id,
        '@type': 'uco-identity:Identity',
        'uco-core:name': actor,
      })),
    ],
  };
}

function action(
  e: CustodyEntry,
  who: Actors,
  name: string,
  extra: { description?: string; objects?: string[]; results?: string[] },
): Node {
  return {
    '@id': iri('investigative-action', e.hash),
    '@type': 'case-investigation:InvestigativeAction',
    'uco-core:name': name,
    ...(extra.description ? { 'uco-core:description': extra.description } : {}),
    'uco-action:performer': ref(who.identity(e.actor)),
    'uco-action:instrument': ref(who.tool),
    'uco-action:startTime': time(e.at),
    'uco-action:endTime': time(e.at),
    ...(extra.objects?.length ? { 'uco-action:object': extra.objects.map(ref) } : {}),
    ...(extra.results?.length ? { 'uco-action:result': extra.results.map(ref) } : {}),
  };
}

function itemActions(x: ExportItem, who: Actors): Node[] {
  const file = iri('file', x.item.id);
  return x.history.flatMap((e, n): Node[] => {
    if (e.action === 'item.ingested' || e.action === 'item.acquired-again') {
      const record = iri('provenance-record', `${x.item.id}:${e.seq}`);
      return [
        action(e, who, 'Acquisition', { results: [file, record] }),
        {
          '@id': record,
          '@type': 'case-investigation:ProvenanceRecord',
          'case-investigation:exhibitNumber': `${x.item.id}.${n + 1}`,
          'case-investigation:rootExhibitNumber': x.item.id,
          'uco-core:object': [ref(file)],
        },
      ];
    }
    if (e.action === 'item.categorised') {
      const what = Object.entries(e.details)
        .filter(([k]) => k === 'category' || k === 'severity')
        .map(([k, v]) => `${k} ${v === null ? 'cleared' : JSON.stringify(v)}`)
        .join(', ');
      return [action(e, who, 'Categorisation', { description: what, objects: [file] })];
    }
    return [];
  });
}

function exportActions(data: ExportCase, who: Actors): Node[] {
  const inExport = new Set(data.items.map((x) => x.item.id));
  return data.caseHistory.flatMap((e) => {
    if (e.action !== 'packet.exported' && e.action !== 'report.exported') return [];
    const listed = Array.isArray(e.details['items']) ? e.details['items'] : [];
    const objects = listed
      .filter((id): id is string => typeof id === 'string' && inExport.has(id))
      .map((id) => iri('file', id));
    const to = e.details['recipient'] ?? e.details['agency'];
    const kind =
      e.action === 'packet.exported'
        ? 'packet'
        : typeof e.details['kind'] === 'string'
          ? e.details['kind']
          : 'export';
    return [
      action(e, who, 'Export', {
        description: `${kind}${typeof to === 'string' ? ` to ${to}` : ''}`,
        objects,
      }),
    ];
  });
}

export function caseUcoDocument(data: ExportCase, tool: { name: string; version: string }): object {
  const who = actors(tool);
  const files = data.items.flatMap(fileNodes);
  const actions = [...data.items.flatMap((x) => itemActions(x, who)), ...exportActions(data, who)];
  const investigation: Node = {
    '@id': iri('investigation', data.case.id),
    '@type': 'case-investigation:Investigation',
    'uco-core:name': `Custody case ${data.case.id}`,
    'case-investigation:focus': [data.case.kind],
    'uco-core:object': actions
      .filter((a) => a['@type'] === 'case-investigation:InvestigativeAction')
      .map((a) => ref(a['@id'])),
  };
  return {
    '@context': CASE_UCO_CONTEXT,
    '@graph': [investigation, ...files, ...actions, ...who.nodes()],
  };
}
