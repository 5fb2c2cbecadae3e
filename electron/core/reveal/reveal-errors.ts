// Why the reveal service refused to unveil. Each has its own code so the UI and scripts can tell a
// skipped rung from a missing reason without reading the message.
import { CustodyError } from '../errors.ts';
import type { RevealStep } from '../../../shared/domain/item.ts';
import type { RevealBlock } from '../../../shared/domain/hashlist.ts';
import { blockParams, blockSentence } from '../hashlists/reveal-block.ts';

export class RevealSkipsRungError extends CustodyError {
  constructor(from: RevealStep, to: RevealStep, next: RevealStep | null) {
    super(
      'REVEAL_SKIPS_RUNG',
      next
        ? `Unveil one step at a time: from ${from} the next step is ${next}, not ${to}.`
        : `The item is unveiled as far as it goes (${from}).`,
      { params: { from, to, next: next ?? 'none' } },
    );
  }
}

export class ReasonRequiredError extends CustodyError {
  constructor() {
    super('REASON_REQUIRED', 'Give a reason to unveil: the settings ask for one each time.', {
      params: {},
    });
  }
}

export class NotRevealableError extends CustodyError {
  constructor(itemId: string, step: RevealStep) {
    super('NOT_REVEALABLE', `This item has no ${step} view to unveil.`, {
      params: { item: itemId, step },
    });
  }
}

export class RevealBlockedError extends CustodyError {
  constructor(itemId: string, block: RevealBlock) {
    const reason = blockSentence(block);
    // `reason` stays for whoever read it before; the sentences are built from the facts beside it.
    super('REVEAL_BLOCKED', `This item may not be unveiled: ${reason}.`, {
      params: { item: itemId, reason, ...blockParams(block) },
    });
  }
}
