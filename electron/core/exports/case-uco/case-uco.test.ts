// The CASE/UCO export against CASE's and UCO's own SHACL shapes (vendored, tests/fixtures/case-uco),
// run the way FACTS measured reproduces CASE's expected results: shacl-engine with its SPARQL
// plugin, UCO's owl/co meta-shapes left out, the ontology's rdfs:subClassOf triples added to the
// data graph. A deliberately broken document must not conform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import rdf from '@rdfjs/data-model';
import { Parser, Store } from 'n3';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Validator } from 'shacl-engine';
import { targetResolvers, validations } from 'shacl-engine/sparql.js';
import { seededVault, unveilTo, type SeededVault } from '../../../../tests/helpers/vault.ts';
import { tempDir } from '../../../../tests/helpers/temp.ts';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures/case-uco');
const SUBCLASS = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
const VIOLATION = 'http://www.w3.org/ns/shacl#Violation';

async function shapes(): Promise<Store> {
  const store = new Store();
  for (const dir of ['uco', 'case']) {
    for (const f of (await readdir(join(FIXTURES, dir))).filter((n) => n.endsWith('.ttl'))) {
      store.addQuads(new Parser().parse(await readFile(join(FIXTURES, dir, f), 'utf8')));
    }
  }
  return store;
}

async function dataGraph(doc: unknown, ontology: Store): Promise<Store> {
  const store = new Store();
  const parser = new JsonLdParser();
  const done = new Promise<void>((resolve, reject) => {
    parser.on('data', (q: Parameters<Store['addQuad']>[0]) => store.addQuad(q));
    parser.on('error', reject);
    parser.on('end', resolve);
  });
  parser.write(JSON.stringify(doc));
  parser.end();
  await done;
  store.addQuads(ontology.getQuads(null, SUBCLASS, null, null));
  return store;
}

interface Result {
  severity: string;
  message: string[];
  path: string | undefined;
}

async function validate(doc: unknown): Promise<{ conforms: boolean; results: Result[] }> {
  const data = await dataGraph(doc, ontology);
  const report = (await validator.validate({ dataset: data })) as {
    conforms: boolean;
    results: {
      severity?: { value: string };
      message: { value: string }[];
      path?: { predicates?: { value: string }[] }[];
    }[];
  };
  return {
    conforms: report.conforms,
    results: report.results.map((r) => ({
      severity: r.severity?.value ?? '',
      message: r.message.map((m) => m.value),
      path: r.path?.[0]?.predicates?.[0]?.value,
    })),
  };
}

let ontology: Store;
let validator: Validator;
let v: SeededVault;
let out: Awaited<ReturnType<typeof tempDir>>;
let doc: { '@graph': Record<string, unknown>[] };

beforeAll(async () => {
  ontology = await shapes();
  validator = new Validator(ontology, { factory: rdf, targetResolvers, validations });
  v = await seededVault({ cases: 1, itemsPerCase: 2 });
  out = await tempDir();
  const [c] = v.cases;
  const [a] = c?.items ?? [];
  if (!c || !a) throw new Error('no items');
  await v.call('triage:categorise', { itemIds: [a.id], category: 'harassment' });
  await v.call('triage:severity', { itemIds: [a.id], severity: 3 });
  unveilTo(v.core, a.id, 'outline');
  v.core.reveal.veilAll();
  await v.core.exports.vics({ caseId: c.id, out: join(out.path, 'first.json') });
  await v.core.exports.caseUco({ caseId: c.id, out: join(out.path, 'case.jsonld') });
  doc = JSON.parse(await readFile(join(out.path, 'case.jsonld'), 'utf8')) as typeof doc;
}, 300_000);
afterAll(async () => {
  await v.cleanup();
  await out.cleanup();
});

const ofType = (t: string) => doc['@graph'].filter((n) => n['@type'] === t);

describe('the CASE/UCO export', () => {
  it('holds the files with hashes, and the custody log as investigative actions', () => {
    expect(ofType('uco-observable:File')).toHaveLength(2);
    const names = ofType('case-investigation:InvestigativeAction').map((a) => a['uco-core:name']);
    expect(names.filter((n) => n === 'Acquisition')).toHaveLength(2);
    expect(names.filter((n) => n === 'Categorisation')).toHaveLength(2);
    expect(names).toContain('Export');
    expect(ofType('case-investigation:ProvenanceRecord')).toHaveLength(2);
    const tool = ofType('uco-tool:Tool')[0];
    expect(tool?.['uco-core:name']).toBe('custody');
    expect(typeof tool?.['uco-tool:version']).toBe('string');
    const json = JSON.stringify(doc);
    for (const item of v.cases[0]?.items ?? []) expect(json).toContain(item.id);
  });

  it('conforms to CASE’s and UCO’s shapes', async () => {
    const { results } = await validate(doc);
    expect(results.filter((r) => r.severity === VIOLATION)).toEqual([]);
  }, 300_000);

  it('a deliberately broken document does not conform', async () => {
    const broken = structuredClone(doc);
    const record = broken['@graph'].find(
      (n) => n['@type'] === 'case-investigation:ProvenanceRecord',
    );
    const file = broken['@graph'].find((n) => n['@type'] === 'uco-observable:File');
    if (!record || !file) throw new Error('nothing to break');
    // An exhibit number must be a string (CASE's own failing example), a size an integer.
    record['case-investigation:exhibitNumber'] = 1;
    const facets = file['uco-core:hasFacet'] as Record<string, unknown>[];
    const facet = facets.find((f) => f['@type'] === 'uco-observable:FileFacet');
    if (facet) facet['uco-observable:sizeInBytes'] = 'large';
    const { conforms, results } = await validate(broken);
    expect(conforms).toBe(false);
    const paths = results.filter((r) => r.severity === VIOLATION).map((r) => r.path);
    expect(paths).toContain('https://ontology.caseontology.org/case/investigation/exhibitNumber');
    expect(paths).toContain('https://ontology.unifiedcyberontology.org/uco/observable/sizeInBytes');
  }, 300_000);
});
