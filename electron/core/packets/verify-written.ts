// The written-evidence part of a packet check: each text layer's file against its hash, and each
// child item's provenance (parent id, parent SHA-256, path in parent) against the parent when the
// packet carries it and against the custody entry that recorded the derivation.
import type { Manifest } from './manifest.ts';
import type { Problem } from './verdict.ts';
import type { Digests } from './zip-read.ts';

export function checkTexts(m: Manifest, digests: ReadonlyMap<string, Digests | null>): Problem[] {
  const problems: Problem[] = [];
  const listed = new Set(m.files.map((f) => f.path));
  for (const i of m.items) {
    if (!i.text) continue;
    const { path } = i.text;
    const d = digests.get(path);
    // A missing or unreadable file is named by the file check already.
    if (!listed.has(path))
      problems.push({
        code: 'text-unlisted',
        message: `The text of item ${i.id} (${path}) is not in the manifest's file list.`,
        path,
      });
    else if (d && (d.sha256 !== i.text.sha256 || d.size !== i.text.size))
      problems.push({
        code: 'text-mismatch',
        message: `${path} does not match the SHA-256 recorded for the text of item ${i.id}.`,
        path,
      });
  }
  return problems;
}

interface Derivation {
  parentId: string | null;
  parentSha256: string | null;
  pathInParent: string | null;
}

/** What the log recorded when each item was ingested: its parent, or none. */
function derivations(m: Manifest): Map<string, Derivation> {
  const out = new Map<string, Derivation>();
  for (const { entry } of m.custody.entries) {
    if (entry.action !== 'item.ingested' || entry.itemId === null) continue;
    const d = entry.details as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    out.set(entry.itemId, {
      parentId: str(d.parentId),
      parentSha256: str(d.parentSha256),
      pathInParent: str(d.pathInParent),
    });
  }
  return out;
}

export function checkProvenance(m: Manifest): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(m.items.map((i) => [i.id, i]));
  const logged = derivations(m);
  const mismatch = (id: string, why: string): Problem => ({
    code: 'provenance-mismatch',
    message: `The provenance of item ${id} ${why}.`,
  });
  for (const i of m.items) {
    const p = i.parent;
    const d = logged.get(i.id);
    if (d) {
      const same =
        (p?.id ?? null) === d.parentId &&
        (p?.sha256 ?? null) === d.parentSha256 &&
        (p?.pathInParent ?? null) === d.pathInParent;
      if (!same) problems.push(mismatch(i.id, 'differs from the custody entry of its ingest'));
    }
    if (!p) continue;
    const parent = byId.get(p.id);
    if (parent && parent.sha256 !== p.sha256)
      problems.push(mismatch(i.id, `names parent SHA-256 ${p.sha256}, not its parent's own`));
    else if (!parent && m.contents.parents)
      problems.push({
        code: 'parent-missing',
        message: `The packet was built with parents, but the parent ${p.id} of item ${i.id} is not in it.`,
      });
  }
  return problems;
}
