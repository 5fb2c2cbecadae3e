// PDQ perceptual hashing, bit-exact with Meta's C++ reference. Pure except pdq-decode.ts,
// which needs sharp; nothing here imports the rest of the app.

export type { PdqDct, PdqResult } from './pdq-hash.ts';
export {
  PDQ_MATCH_THRESHOLD,
  PDQ_MIN_USEFUL_QUALITY,
  pdqDctFromLuma,
  pdqFromLuma,
  pdqHashFromCoefficients,
} from './pdq-hash.ts';
export type { PdqDihedral, PdqDihedralHashes, PdqDihedralName } from './pdq-dihedral.ts';
export { PDQ_DIHEDRAL_NAMES, minDihedralDistance, pdqDihedralFromDct } from './pdq-dihedral.ts';
export { hammingDistance, isPdqHex, pdqHexFromWords, pdqWordsFromHex } from './pdq-hex.ts';
export {
  PDQ_PRE_RESIZE,
  pdqDctFromPixels,
  pdqDihedralFromPixels,
  pdqFromPixels,
  lumaFromPixels,
} from './pdq-pixels.ts';
export type { OpenForPdq, PdqPixels } from './pdq-decode.ts';
export { decodeForPdq, pdqDihedralFromFile, pdqFromFile } from './pdq-decode.ts';
