// A block in the core's English: the custody log's `blockedBy`, REVEAL_BLOCKED's message and
// `hashlists:blocked`'s `reason` keep this sentence as they always had it. Every surface says the
// facts themselves (RevealBlock) in the reviewer's language: the renderer's BlockedNotice, and the
// REVEAL_BLOCKED sentence in the catalogs from the params below.
import type { RevealBlock } from '../../../shared/domain/hashlist.ts';
import type { ErrorParams } from '../../../shared/domain/error-codes.ts';

/** The first fact of the block, as REVEAL_BLOCKED's sentence names it. */
export function blockParams(block: RevealBlock): ErrorParams {
  if (block.kind === 'label') return { blockedBy: 'label', category: block.categoryIds[0] ?? '' };
  const [first] = block.matches;
  return { blockedBy: 'hash-list', list: first?.listName ?? '', hashType: first?.hashType ?? '' };
}

export function blockSentence(block: RevealBlock): string {
  const p = blockParams(block);
  return p['blockedBy'] === 'label'
    ? `it is labelled ${p['category']}, a category never unveiled by default`
    : `it matches the known-illegal hash list "${p['list']}" (${p['hashType']})`;
}
