// The blob store's public face: the ingest, packet and vault code import from here.
export { BlobStore } from './blob-store.ts';
export type { BlobInfo, BlobWriter } from './blob-store.ts';
