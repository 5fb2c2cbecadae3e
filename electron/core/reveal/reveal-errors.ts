// Why the reveal service refused to unveil. Each has its own code so the UI and scripts can tell a
// skipped rung from a missing reason without reading the message.
import { CustodyError } from '../errors.ts';
import type { RevealStep } from '../../../shared/domain/item.ts';

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
    super('NOT_REVEALABLE', `Item ${itemId} has no ${step} view to unveil.`, {
      params: { item: itemId, step },
    });
  }
}

export class RevealBlockedError extends CustodyError {
  constructor(itemId: string, reason: string) {
    super('REVEAL_BLOCKED', `Item ${itemId} may not be unveiled: ${reason}.`, {
      params: { item: itemId, reason },
    });
  }
}
