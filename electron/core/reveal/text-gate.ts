// The text gate: written content can wound too. For case kinds the reviewer's settings put behind
// a step (by default child safety, terrorism, self-harm), an item's text is served only after a
// deliberate, logged "text reveal", and only until it is closed (next item, lock, veil-all); the
// time it stays open is exposure, logged on close like an unveiling's. One text open at a time.
import { CustodyError, NotFoundError, VaultLockedError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import { readSettings } from '../settings/settings.service.ts';
import type { EventEmitter } from 'node:events';
import type { UnlockedVault } from '../vault/vault.ts';
import type { CoreEvents } from '../events.ts';
import type { CaseKind } from '../../../shared/domain/case.ts';
import type { RevealSession } from './reveal.service.ts';

export class TextGatedError extends CustodyError {
  constructor(itemId: string, kind: CaseKind) {
    super(
      'TEXT_GATED',
      `The text of item ${itemId} is behind a step for ${kind} cases: reveal it first (the reveal is logged).`,
    );
  }
}

/** The text open now: which item, since when (epoch ms). */
export interface OpenText {
  itemId: string;
  since: number;
}

export interface TextGateState {
  itemId: string;
  /** The case kind whose setting gates the text, or null when its text is shown. */
  gatedBy: CaseKind | null;
  /** True when the text may be served now: shown by setting, or revealed and still open. */
  open: boolean;
}

export class TextGate {
  readonly #session: Pick<RevealSession, 'openVault'>;
  readonly #events: EventEmitter<CoreEvents>;
  #open: OpenText | null = null;

  constructor(session: Pick<RevealSession, 'openVault'>, events: EventEmitter<CoreEvents>) {
    this.#session = session;
    this.#events = events;
  }

  /** Whether the item's text is gated, and whether it is open now. */
  state(itemId: string): TextGateState {
    const gatedBy = this.#gatedBy(this.#vault(), itemId).kind;
    return { itemId, gatedBy, open: gatedBy === null || this.#open?.itemId === itemId };
  }

  /** Throws unless the item's text may be served now. */
  check(itemId: string): void {
    const { kind } = this.#gatedBy(this.#vault(), itemId);
    if (kind !== null && this.#open?.itemId !== itemId) throw new TextGatedError(itemId, kind);
  }

  /** True when the item's written content must be withheld now: gated and not open. */
  hidden(itemId: string): boolean {
    return !this.state(itemId).open;
  }

  /**
   * For answers over a whole case (search, timeline): which of its items withhold their written
   * content now. One settings read for the case, since the gate follows the case kind.
   */
  hiddenIn(caseId: string): (itemId: string) => boolean {
    const vault = this.#vault();
    const c = vault.db.prepare('SELECT kind FROM cases WHERE id = ?').get(caseId) as
      { kind: CaseKind } | undefined;
    if (!c) throw new NotFoundError('case', caseId);
    if (readSettings(vault).textGate[c.kind] !== 'step') return () => false;
    const open = this.#open?.itemId;
    return (itemId) => itemId !== open;
  }

  /** The deliberate step: logs the reveal and opens the text, closing any other text first. */
  reveal(itemId: string): TextGateState {
    const vault = this.#vault();
    const { kind, caseId } = this.#gatedBy(vault, itemId);
    if (kind === null) return { itemId, gatedBy: null, open: true };
    if (this.#open?.itemId === itemId) return { itemId, gatedBy: kind, open: true };
    this.close();
    record(vault, {
      action: 'item.text-revealed',
      caseId,
      itemId,
      details: { caseKind: kind },
    });
    this.#open = { itemId, since: Date.now() };
    return { itemId, gatedBy: kind, open: true };
  }

  /** Ends the open text, logging how long it was open; false when none was. */
  close(): boolean {
    const open = this.#open;
    this.#open = null;
    const vault = this.#session.openVault();
    if (!open || !vault) return false;
    const seconds = Math.round((Date.now() - open.since) / 100) / 10;
    record(vault, {
      action: 'item.text-closed',
      caseId: caseOf(vault, open.itemId)?.id ?? null,
      itemId: open.itemId,
      details: { seconds },
    });
    this.#events.emit('reveal:text-closed', { itemId: open.itemId, seconds });
    return true;
  }

  /** The text open now, for exposure's running count. */
  current(): OpenText | null {
    return this.#open;
  }

  #gatedBy(vault: UnlockedVault, itemId: string): { kind: CaseKind | null; caseId: string } {
    const c = caseOf(vault, itemId);
    if (!c) throw new NotFoundError('item', itemId);
    const choice = readSettings(vault).textGate[c.kind];
    return { kind: choice === 'step' ? c.kind : null, caseId: c.id };
  }

  #vault(): UnlockedVault {
    const vault = this.#session.openVault();
    if (!vault) throw new VaultLockedError();
    return vault;
  }
}

function caseOf(vault: UnlockedVault, itemId: string): { id: string; kind: CaseKind } | undefined {
  return vault.db
    .prepare('SELECT c.id, c.kind FROM items i JOIN cases c ON c.id = i.case_id WHERE i.id = ?')
    .get(itemId) as { id: string; kind: CaseKind } | undefined;
}
