import type { Command } from '../command.ts';
import { init } from './init.ts';
import {
  caseCreate,
  caseList,
  caseShow,
  caseClose,
  caseDestroy,
  caseSend,
  caseReceive,
  caseTakeBack,
  caseConflicts,
  caseResolve,
} from './case.ts';
import { ingest } from './ingest.ts';
import { itemFrames, itemHashFrames, itemList, itemShow, itemSuggest, itemText } from './item.ts';
import { search } from './search.ts';
import { packetBuild } from './packet.ts';
import { verify } from './verify.ts';
import { keyShow, keyCard } from './key.ts';
import { colleagueAdd, colleagueList, colleagueRemove } from './colleague.ts';
import { logVerify } from './log.ts';
import { vaultCheck } from './vault.ts';
import { hashlistImport, hashlistList, hashlistRemove, hashlistExport } from './hashlist.ts';
import { match } from './match.ts';
import { similar } from './similar.ts';
import { caseSet } from './case-fields.ts';
import { reporterSet, reporterShow } from './reporter.ts';
import { reportList, reportShow, reportSetReference, reportFind } from './report.ts';
import { exportNcmec, exportVics, exportCaseUco } from './export.ts';

export const commands: readonly Command[] = [
  init,
  caseCreate,
  caseList,
  caseShow,
  caseClose,
  caseDestroy,
  caseSend,
  caseReceive,
  caseTakeBack,
  caseConflicts,
  caseResolve,
  ingest,
  itemList,
  itemShow,
  itemText,
  search,
  itemFrames,
  itemHashFrames,
  itemSuggest,
  packetBuild,
  verify,
  keyShow,
  keyCard,
  colleagueAdd,
  colleagueList,
  colleagueRemove,
  logVerify,
  vaultCheck,
  hashlistImport,
  hashlistList,
  hashlistRemove,
  hashlistExport,
  match,
  similar,
  caseSet,
  reporterSet,
  reporterShow,
  reportList,
  reportShow,
  reportSetReference,
  reportFind,
  exportNcmec,
  exportVics,
  exportCaseUco,
];
