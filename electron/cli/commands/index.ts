import type { Command } from '../command.ts';
import { init } from './init.ts';
import { caseCreate, caseList, caseShow, caseClose, caseDestroy } from './case.ts';
import { ingest } from './ingest.ts';
import { itemList, itemShow } from './item.ts';

export const commands: readonly Command[] = [
  init,
  caseCreate,
  caseList,
  caseShow,
  caseClose,
  caseDestroy,
  ingest,
  itemList,
  itemShow,
];
