// What reading one file's content yields, whatever its kind: the shape every extractor returns
// (plain text, e-mail, chat exports, web captures, PDF, office documents, archives, video), so
// ingest stores each the same way. Extractors run inside the killable decode process; everything
// here crosses to the main process by structured clone, so it is plain data only.
import type { ItemKind } from '../../../shared/domain/item.ts';
import type { PdqResult, PreviewSet } from '../media/previews.ts';

/** A file found inside another (an attachment, an archive member, an embedded image). */
export interface ExtractedChild {
  /** Its path inside the parent, '/'-separated, neutralised: no '..', no root, no drive letter. */
  path: string;
  bytes: Uint8Array;
  /** When the container says it was made or sent, ISO-8601 UTC, or null. */
  modifiedAt: string | null;
}

/** A still from the item: a video keyframe or a rendered PDF page, with its veiled previews. */
export interface ExtractedFrame {
  /** Seconds from the start (video), or null. */
  timeSeconds: number | null;
  /** 1-based page number (documents), or null. */
  page: number | null;
  width: number;
  height: number;
  pdq: PdqResult;
  previews: PreviewSet;
}

/** One dated entry a timeline lists on its own: a chat message, an e-mail in an mbox. */
export interface ExtractedEvent {
  at: string;
  /** Who (a chat sender, an e-mail's From), as the file spells it. */
  who: string | null;
  /** A one-line summary, text never markup. */
  text: string;
  /** The text layer's line where it starts (1-based), so a timeline entry opens at it. */
  line: number | null;
}

export interface ExtractResult {
  kind: ItemKind;
  /** A more precise MIME type than sniffing gave (message/rfc822, application/vnd.…), or null. */
  mime: string | null;
  /** The readable text, as UTF-8, in reading order; null when the item has none. */
  text: string | null;
  /** The encoding the text was decoded from ('UTF-8', 'windows-1256', …), or null. */
  encoding: string | null;
  /** Kind-specific facts shown beside the text (e-mail headers, page URL, PDF metadata): JSON. */
  facts: Record<string, unknown>;
  /** Links found in the content, as text: never followed, never fetched. */
  links: string[];
  /** When the evidence says it happened (e-mail Date, capture time), ISO-8601 UTC, or null. */
  eventAt: string | null;
  events: ExtractedEvent[];
  children: ExtractedChild[];
  frames: ExtractedFrame[];
  /** Why part or all of it could not be read (kept as damaged evidence), or null. */
  damaged: string | null;
  /** 'encrypted': an encrypted archive or document kept whole. */
  flags: 'encrypted'[];
}

/**
 * What the decode process sends back for an extract request: the extractor's result and the
 * language of its text, found there too. eld's n-gram model is some 40 MB of objects: in the main
 * process every full garbage collection would mark it again, and ingest collects often.
 */
export interface ExtractedContent extends ExtractResult {
  /** ISO 639-1 code of the text's language, or null when there is no text or it is unclear. */
  language: string | null;
}

/** Bounds every extractor honours: hostile input must fail alone, not exhaust the machine. */
export interface ExtractLimits {
  /** Largest single child unpacked into memory. */
  maxChildBytes: number;
  /** Most bytes unpacked from one top-level file, over every level. */
  maxTotalBytes: number;
  /** Largest ratio of unpacked to packed bytes (zip bombs). */
  maxRatio: number;
  /** Most children from one container. */
  maxChildren: number;
  /** Most characters of text kept in a text layer. */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxChildBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  maxChildren: 10_000,
  maxTextChars: 50_000_000,
};

/** An empty result of `kind`, for extractors to fill in. */
export function emptyResult(kind: ItemKind): ExtractResult {
  return {
    kind,
    mime: null,
    text: null,
    encoding: null,
    facts: {},
    links: [],
    eventAt: null,
    events: [],
    children: [],
    frames: [],
    damaged: null,
    flags: [],
  };
}

/** Where the bytes are: the reviewer's own file on disk, or a child already in memory. */
export type ExtractSource = { path: string; name: string } | { bytes: Uint8Array; name: string };

/**
 * Reads one file's content. Runs in the decode process; throws (with a reason naming no path) only
 * when nothing at all could be read, and returns `damaged` for a partly readable file.
 */
export type Extractor = (source: ExtractSource, limits: ExtractLimits) => Promise<ExtractResult>;
