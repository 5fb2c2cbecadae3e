// A little room kept back on the vault's disk. When the disk fills, the write that failed is
// rolled back, but the custody log still needs a few pages to record the lock that follows;
// giving this file back makes that room. It holds zeros, never evidence, and is made again at
// the next unlock for writing once there is space.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDiskFull } from '../errors.ts';

const ROOM_RESERVE_FILE = 'room.reserve';
/** Enough for a custody entry, a checkpoint and their write-ahead log pages. */
const ROOM_RESERVE_BYTES = 256 * 1024;

/** Makes the reserve if it is missing; on a disk already full it waits for the next time. */
export function keepRoomReserve(dir: string): void {
  const path = join(dir, ROOM_RESERVE_FILE);
  try {
    if (statSync(path).size === ROOM_RESERVE_BYTES) return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    writeFileSync(path, Buffer.alloc(ROOM_RESERVE_BYTES), { mode: 0o600 });
  } catch (e) {
    rmSync(path, { force: true });
    if (!isDiskFull(e)) throw e;
  }
}

/** Gives the reserve back to the disk; whether there was one to give. */
export function spendRoomReserve(dir: string): boolean {
  try {
    rmSync(join(dir, ROOM_RESERVE_FILE));
    return true;
  } catch {
    return false;
  }
}
