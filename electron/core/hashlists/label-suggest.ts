// Labels suggested for an item from the labels it already carries, through the scheme mapping,
// into the schemes the reviewer works in. A suggestion is only ever shown: the reviewer confirms
// it (HashListService.label), and nothing here writes.
import type { UnlockedVault } from '../vault/vault.ts';
import { itemCaseId } from '../items/item.queries.ts';
import { NotFoundError } from '../errors.ts';
import {
  categoryMappings,
  MAPPING_VERSION,
  type CategoryMapping,
} from '../../../shared/domain/category-schemes.ts';
import { itemLabels } from './item-labels.ts';
import { readSchemes } from './scheme-choice.ts';

export interface LabelSuggestion extends CategoryMapping {
  mappingVersion: string;
}

const schemeOf = (categoryId: string) => categoryId.split(':')[0] ?? '';

/** The mapping relation from one label to another, if the mapping has one. */
export function mappingBetween(from: string, to: string): CategoryMapping | undefined {
  return categoryMappings.find((m) => m.from === from && m.to === to);
}

/**
 * One suggestion per target label, in the order of the reviewer's schemes. A scheme the item
 * already has a label in gets none: the reviewer chose there, and a mapping must not argue.
 */
export function suggestLabels(vault: UnlockedVault, itemId: string): LabelSuggestion[] {
  if (!itemCaseId(vault.db, itemId)) throw new NotFoundError('item', itemId);
  const labels = itemLabels(vault, itemId);
  const labelled = new Set(labels.map(schemeOf));
  const suggestions: LabelSuggestion[] = [];
  for (const scheme of readSchemes(vault)) {
    if (labelled.has(scheme)) continue;
    for (const m of categoryMappings) {
      if (schemeOf(m.to) !== scheme || !labels.includes(m.from)) continue;
      if (suggestions.some((s) => s.to === m.to)) continue;
      suggestions.push({ ...m, mappingVersion: MAPPING_VERSION });
    }
  }
  return suggestions;
}
