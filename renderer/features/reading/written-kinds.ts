import type { ItemKind } from '../../../shared/domain/item.ts';

/** Kinds read as text in the item view (their images, if any, are child items and frames). */
const WRITTEN: ReadonlySet<ItemKind> = new Set(['text', 'chat', 'email', 'web', 'pdf', 'document']);

export const isWritten = (kind: ItemKind): boolean => WRITTEN.has(kind);
