// MD5, SHA-1 and SHA-256 of one stream in one pass: the one implementation for ingest and the packet
// verifier. Agencies and hash lists still use the older two, so every original carries all three.
import { createHash, type Hash } from 'node:crypto';

export interface FileHashes {
  sha256: string;
  sha1: string;
  md5: string;
}

export class MultiHasher {
  readonly #hashes: [Hash, Hash, Hash] = [
    createHash('sha256'),
    createHash('sha1'),
    createHash('md5'),
  ];
  bytes = 0;

  update(chunk: Uint8Array): void {
    for (const h of this.#hashes) h.update(chunk);
    this.bytes += chunk.length;
  }

  /** Lowercase hex; the hasher cannot be used after. */
  digest(): FileHashes {
    const [sha256, sha1, md5] = this.#hashes.map((h) => h.digest('hex')) as [
      string,
      string,
      string,
    ];
    return { sha256, sha1, md5 };
  }
}
