// The two small dialogs triage keys open: a tag (t) and a note (n), for the items they act on.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../components/Dialog.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { NoteInput } from '../../components/NoteInput.tsx';
import { describeError } from '../../base/i18n.ts';
import { useEvidence } from '../evidence/evidence.store.ts';
import { useTriage } from './triage.store.ts';
import { FileName } from '../../components/FileName.tsx';

export function TriageDialogs() {
  const dialog = useTriage((s) => s.dialog);
  if (!dialog) return null;
  return dialog.kind === 'tag' ? <TagDialog ids={dialog.ids} /> : <NoteDialog ids={dialog.ids} />;
}

/** Which items a dialog acts on, named when it is one. */
function Targets({ ids }: { ids: readonly string[] }) {
  const name = useEvidence((s) =>
    ids.length === 1 ? s.items.find((i) => i?.id === ids[0])?.originalName : undefined,
  );
  return (
    <p className="muted dialog-targets">
      {name !== undefined ? (
        <FormattedMessage
          id="triage.on.one"
          defaultMessage="On {name}"
          values={{ name: <FileName name={name} /> }}
        />
      ) : (
        <FormattedMessage
          id="triage.on.many"
          defaultMessage="On {count, plural, one {# item} other {# items}}"
          values={{ count: ids.length }}
        />
      )}
    </p>
  );
}

function useTagsOf(ids: readonly string[]) {
  const items = useEvidence((s) => s.items);
  return useMemo(() => {
    const wanted = new Set(ids);
    const onTargets = new Map<string, number>();
    const known = new Set<string>();
    for (const item of items) {
      if (!item) continue;
      for (const tag of item.tags) {
        known.add(tag);
        if (wanted.has(item.id)) onTargets.set(tag, (onTargets.get(tag) ?? 0) + 1);
      }
    }
    return {
      onTargets: [...onTargets].sort(([a], [b]) => a.localeCompare(b)),
      known: [...known].sort(),
    };
  }, [items, ids]);
}

function TagDialog({ ids }: { ids: string[] }) {
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { onTargets, known } = useTagsOf(ids);
  const close = () => useTriage.getState().closeDialog();
  const intl = useIntl();
  const t = intl.formatMessage;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = tag.trim();
    if (!text)
      return setError(
        t({ id: 'triage.tag.empty', defaultMessage: 'Type a tag, or press Escape.' }),
      );
    if (text.length > 60)
      return setError(
        t({ id: 'triage.tag.tooLong', defaultMessage: 'A tag has at most 60 characters.' }),
      );
    const outcome = await useTriage.getState().tag(ids, text, true);
    if (outcome.ok) close();
    else setError(describeError(intl, outcome.error));
  };
  const remove = async (name: string) => {
    const outcome = await useTriage.getState().tag(ids, name, false);
    if (!outcome.ok) setError(describeError(intl, outcome.error));
  };

  return (
    <Dialog
      title={t(
        {
          id: 'triage.tag.title',
          defaultMessage: '{count, plural, one {Tag this item} other {Tag # items}}',
        },
        { count: ids.length },
      )}
      onClose={close}
      initialFocus={inputRef}
      testId="tag-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Targets ids={ids} />
        <div className="field">
          <label htmlFor="tag-input" className="field-label">
            <FormattedMessage id="triage.tag.label" defaultMessage="Tag" />
          </label>
          <input
            id="tag-input"
            ref={inputRef}
            className="input"
            value={tag}
            onChange={(e) => {
              setTag(e.target.value);
              setError(null);
            }}
            list="known-tags"
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            data-testid="tag-input"
          />
          <datalist id="known-tags">
            {known.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </div>
        {onTargets.length > 0 && (
          <div className="field">
            <span className="field-label">
              <FormattedMessage
                id="triage.tag.current"
                defaultMessage="{count, plural, one {Tags on this item} other {Tags on these items}}"
                values={{ count: ids.length }}
              />
            </span>
            <ul className="tag-list">
              {onTargets.map(([name, count]) => (
                <li key={name}>
                  <bdi dir="auto">{name}</bdi>
                  {ids.length > 1 && (
                    <span className="muted">
                      {' '}
                      <FormattedMessage
                        id="triage.tag.count"
                        defaultMessage="({count, number})"
                        values={{ count }}
                      />
                    </span>
                  )}{' '}
                  <button type="button" className="button-link" onClick={() => void remove(name)}>
                    <FormattedMessage
                      id="triage.tag.remove"
                      defaultMessage="Remove<hidden> the tag {tag}</hidden>"
                      values={{
                        tag: name,
                        hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                      }}
                    />
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FormFooter
          error={error}
          onCancel={close}
          cancel={t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
        >
          <button type="submit" className="button button-primary" data-testid="tag-add">
            <FormattedMessage id="triage.tag.add" defaultMessage="Add tag" /> <Kbd spec="Enter" />
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}

function NoteDialog({ ids }: { ids: string[] }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const close = () => useTriage.getState().closeDialog();
  const intl = useIntl();
  const t = intl.formatMessage;

  const submit = async () => {
    if (!body.trim())
      return setError(t({ id: 'notes.empty', defaultMessage: 'The note is empty.' }));
    const outcome = await useTriage.getState().note(ids, body);
    if (outcome.ok) close();
    else setError(describeError(intl, outcome.error));
  };

  return (
    <Dialog
      title={t(
        {
          id: 'triage.note.title',
          defaultMessage: '{count, plural, one {Note on this item} other {Note on # items}}',
        },
        { count: ids.length },
      )}
      onClose={close}
      initialFocus={inputRef}
      testId="note-dialog"
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Targets ids={ids} />
        <div className="field">
          <label htmlFor="note-input" className="field-label">
            <FormattedMessage id="triage.note.label" defaultMessage="Note" />
          </label>
          <p className="field-hint" id="note-hint">
            <FormattedMessage
              id="triage.note.hint"
              defaultMessage="Notes are part of the record: they cannot be changed later. To correct one, add another."
            />
          </p>
          <NoteInput
            id="note-input"
            inputRef={inputRef}
            rows={5}
            value={body}
            onChange={(text) => {
              setBody(text);
              setError(null);
            }}
            onSubmit={() => void submit()}
            describedBy="note-hint"
            testId="note-input"
          />
        </div>
        <FormFooter
          error={error}
          onCancel={close}
          cancel={t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
        >
          <button type="submit" className="button button-primary" data-testid="note-add">
            <FormattedMessage id="notes.add" defaultMessage="Add note" /> <Kbd spec="Ctrl+Enter" />
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}
