import type { Command } from '../command.ts';
import { init } from './init.ts';
import { caseCreate, caseList, caseShow, caseClose, caseDestroy } from './case.ts';
import { ingest } from './ingest.ts';
import { itemFrames, itemList, itemShow } from './item.ts';
import { packetBuild } from './packet.ts';
import { verify } from './verify.ts';
import { keyShow } from './key.ts';
import { logVerify } from './log.ts';
import { vaultCheck } from './vault.ts';

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
  itemFrames,
  packetBuild,
  verify,
  keyShow,
  logVerify,
  vaultCheck,
];
