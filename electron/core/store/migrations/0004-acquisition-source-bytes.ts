import type { Migration } from '../migrate.ts';

/**
 * A file's name as the file system spelled it, byte for byte, when that is not valid UTF-8
 * (source_path then holds the escaped form people read). NULL when source_path is the name.
 */
export const acquisitionSourceBytes: Migration = {
  version: 4,
  name: 'acquisition-source-bytes',
  up(db) {
    db.exec(`ALTER TABLE acquisitions ADD COLUMN source_bytes BLOB;`);
  },
};
