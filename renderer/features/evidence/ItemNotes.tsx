// The item's notes, oldest first, and a field to add one. Notes are append-only; each line finds
// its own direction, so a Persian line and a Russian line sit correctly one under the other.
import { useState, type RefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Note } from '../../../shared/domain/triage.ts';
import { formatDateTime } from '../../base/i18n.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { NoteInput } from '../../components/NoteInput.tsx';
import { useTriage } from '../triage/triage.store.ts';

interface ItemNotesProps {
  itemId: string;
  notes: readonly Note[];
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

export function ItemNotes({ itemId, notes, inputRef }: ItemNotesProps) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const intl = useIntl();

  const add = async () => {
    if (busy) return;
    if (!body.trim())
      return setError(
        intl.formatMessage({ id: 'notes.empty', defaultMessage: 'The note is empty.' }),
      );
    setBusy(true);
    const outcome = await useTriage.getState().note([itemId], body);
    setBusy(false);
    if (outcome.ok) setBody('');
    else setError(outcome.error.message);
  };

  return (
    <section className="item-notes" aria-labelledby="item-notes-title">
      <h2 id="item-notes-title" className="section-title">
        <FormattedMessage id="cases.notes.title" defaultMessage="Notes" />
      </h2>
      {notes.length > 0 ? (
        <ol className="note-list" data-testid="item-notes">
          {notes.map((note) => (
            <li key={note.id} className="note">
              <div className="note-body">
                {note.body.split('\n').map((line, i) => (
                  <p key={i} dir="auto">
                    {line || '\u00a0'}
                  </p>
                ))}
              </div>
              <span className="muted note-time">{formatDateTime(intl, note.createdAt)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">
          <FormattedMessage id="notes.none" defaultMessage="No notes on this item." />
        </p>
      )}
      <div className="field">
        <label htmlFor="item-note-input" className="field-label">
          <FormattedMessage id="notes.add.label" defaultMessage="Add a note" /> <Kbd spec="n" />
        </label>
        <NoteInput
          id="item-note-input"
          inputRef={inputRef}
          rows={3}
          value={body}
          onChange={(text) => {
            setBody(text);
            setError(null);
          }}
          onSubmit={() => void add()}
          // Leave the field, keeping what was typed; the next Escape goes back to the grid.
          blurOnEscape
          describedBy="item-note-hint"
          testId="item-note-input"
        />
        <p id="item-note-hint" className="field-hint">
          <FormattedMessage
            id="notes.hint"
            defaultMessage="Notes cannot be changed later; add another to correct one. Ctrl+Enter adds, Escape leaves the field."
          />
        </p>
        {error && <p className="field-error">{error}</p>}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            data-testid="item-note-add"
            onClick={() => void add()}
          >
            <FormattedMessage id="notes.add" defaultMessage="Add note" /> <Kbd spec="Ctrl+Enter" />
          </button>
        </div>
      </div>
    </section>
  );
}
