// Carries out a triage key on the items it acts on (the selection, or the focused item).
import type { TriageCommand } from './triage-keys.ts';
import { useTriage } from './triage.store.ts';
import { currentIntl } from '../../base/current-intl.ts';

export interface TriageHooks {
  /** The item view writes notes in its own field instead of a dialog. */
  note?: () => void;
  /** A closed case is read-only: its evidence is shown, never re-triaged by a stray key. */
  caseClosed?: boolean;
}

/** Resolves once the core has answered (at once for keys that only open a dialog or a mode). */
export async function runTriageCommand(
  cmd: TriageCommand,
  ids: string[],
  hooks: TriageHooks = {},
): Promise<void> {
  const triage = useTriage.getState();
  if (cmd.kind === 'cancel-severity-mode') {
    triage.setSeverityPending(false);
    triage.say(null);
    return;
  }
  if (hooks.caseClosed) {
    triage.say(
      currentIntl().formatMessage({
        id: 'triage.caseClosed',
        defaultMessage:
          'The case is closed, so its triage cannot change. Reopen the case to triage.',
      }),
    );
    return;
  }
  if (ids.length === 0) {
    triage.say(
      currentIntl().formatMessage({
        id: 'triage.noItem',
        defaultMessage: 'No item to act on yet: move to one with j or the arrow keys.',
      }),
    );
    return;
  }
  switch (cmd.kind) {
    case 'categorise':
      await triage.categoriseByPosition(ids, cmd.position);
      return;
    case 'severity':
      triage.setSeverityPending(false);
      await triage.setSeverity(ids, cmd.severity);
      return;
    case 'severity-mode':
      triage.setSeverityPending(true);
      triage.say(
        currentIntl().formatMessage({
          id: 'triage.severityMode',
          defaultMessage: 'Severity: press 1 (low) to 5 (critical), or 0 to clear.',
        }),
      );
      return;
    case 'tag':
      triage.openDialog('tag', ids);
      return;
    case 'note':
      if (hooks.note) hooks.note();
      else triage.openDialog('note', ids);
      return;
    case 'escalate':
      await triage.escalate(ids);
      return;
    case 'undo':
      await triage.undo(ids);
      return;
  }
}
