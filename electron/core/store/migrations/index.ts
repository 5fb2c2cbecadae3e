import type { Migration } from '../migrate.ts';
import { initial } from './0001-initial.ts';
import { custodyCheckpoints } from './0002-custody-checkpoints.ts';
import { defaultCategoryScheme } from './0003-default-categories.ts';
import { acquisitionSourceBytes } from './0004-acquisition-source-bytes.ts';
import { itemKindsAndChildren } from './0005-item-kinds-and-children.ts';
import { textLayersAndSearch } from './0006-text-layers-and-search.ts';
import { hashLists } from './0007-hash-lists.ts';
import { handoff } from './0008-handoff.ts';
import { reportLedger } from './0009-report-ledger.ts';
import { handoffMerge } from './0010-handoff-merge.ts';
import { secondFrames } from './0011-second-frames.ts';
import { searchTerms } from './0012-search-terms.ts';

/** Append only. Never edit a migration that has shipped. */
export const migrations: readonly Migration[] = [
  initial,
  custodyCheckpoints,
  defaultCategoryScheme,
  acquisitionSourceBytes,
  itemKindsAndChildren,
  textLayersAndSearch,
  hashLists,
  handoff,
  reportLedger,
  handoffMerge,
  secondFrames,
  searchTerms,
];
