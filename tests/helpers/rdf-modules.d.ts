// The few calls the CASE/UCO conformance test makes into RDF packages that ship no types
// (devDependencies only; electron/core/exports/case-uco/case-uco.test.ts).
declare module '@rdfjs/data-model' {
  import type { DataFactory } from '@rdfjs/types';
  const factory: DataFactory;
  export default factory;
}

declare module 'n3' {
  import type { DatasetCore, Quad, Term } from '@rdfjs/types';
  export class Parser {
    parse(text: string): Quad[];
  }
  export class Store implements DatasetCore {
    readonly size: number;
    add(q: Quad): this;
    delete(q: Quad): this;
    has(q: Quad): boolean;
    match(s?: Term | null, p?: Term | null, o?: Term | null, g?: Term | null): DatasetCore;
    [Symbol.iterator](): Iterator<Quad>;
    addQuad(q: Quad): void;
    addQuads(qs: Quad[]): void;
    getQuads(s: string | null, p: string | null, o: string | null, g: string | null): Quad[];
  }
}

declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore } from '@rdfjs/types';
  export class Validator {
    constructor(
      shapes: DatasetCore,
      options: { factory: DataFactory; targetResolvers?: unknown; validations?: unknown },
    );
    validate(data: { dataset: DatasetCore }): Promise<unknown>;
  }
}

declare module 'shacl-engine/sparql.js' {
  export const targetResolvers: unknown;
  export const validations: unknown;
}
