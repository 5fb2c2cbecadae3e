// Checks the drafts against the reporting organisation's own copy of NCMEC's XSD, in-process
// (libxml2 compiled to WebAssembly: no native code, no network). Custody never ships that XSD.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { InvalidInputError } from '../../errors.ts';
import type { Output } from '../write-out.ts';

export async function validateAgainstXsd(xsdPath: string, docs: readonly Output[]): Promise<void> {
  let schema: string;
  try {
    schema = await readFile(xsdPath, 'utf8');
  } catch (e) {
    throw new InvalidInputError(
      `Cannot read the schema ${xsdPath}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
    );
  }
  for (const doc of docs) {
    const result = await validateXML({
      xml: { fileName: doc.name, contents: doc.data },
      schema: { fileName: basename(xsdPath).replace(/^-+/, '') || 'schema.xsd', contents: schema },
    });
    if (!result.valid) {
      const first = result.errors[0];
      const where = first?.loc ? `line ${first.loc.lineNumber}: ` : '';
      const why = first ? `${where}${first.message.trim()}` : result.rawOutput.trim();
      throw new InvalidInputError(
        `${doc.name} does not validate against ${xsdPath} (${why}); nothing was written.`,
      );
    }
  }
}
