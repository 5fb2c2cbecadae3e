// SHA-256, SHA-1 and MD5 in one pass: agencies and hash lists still use the older two.
import { createHash, type Hash } from 'node:crypto';

export interface FileHashes {
  sha256: string;
  sha1: string;
  md5: string;
}

export class MultiHasher {
  #hashes: [Hash, Hash, Hash] = [createHash('sha256'), createHash('sha1'), createHash('md5')];
  bytes = 0;

  update(chunk: Uint8Array): void {
    for (const h of this.#hashes) h.update(chunk);
    this.bytes += chunk.length;
  }

  digest(): FileHashes {
    const [sha256, sha1, md5] = this.#hashes.map((h) => h.digest('hex')) as [
      string,
      string,
      string,
    ];
    return { sha256, sha1, md5 };
  }
}
