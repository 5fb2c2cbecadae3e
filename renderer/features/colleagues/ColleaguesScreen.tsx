// Colleagues: this workstation's card (to read aloud and to export), adding a colleague from their
// card with the fingerprint shown to compare before pinning, the pinned list with removal, and
// opening a handoff bundle a colleague sent.
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError, formatDateTime } from '../../base/i18n.ts';
import { useRoute } from '../../base/route.store.ts';
import { Notice } from '../../components/Notice.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import type { Colleague } from '../../../shared/domain/colleague.ts';
import type { WorkstationCard } from '../../../shared/domain/reviewer.ts';
import { useColleagues } from './colleagues.store.ts';
import { Fingerprint } from './Fingerprint.tsx';
import { ReceiveBundleButton } from './ReceiveBundleButton.tsx';
import './colleagues.css';

function MyCard() {
  const intl = useIntl();
  const card = useColleagues((s) => s.card);
  const [note, setNote] = useState<{ tone: 'info' | 'warning'; text: string } | null>(null);
  const exportCard = async () => {
    const outcome = await useColleagues.getState().exportCard();
    if (!outcome.ok) return setNote({ tone: 'warning', text: describeError(intl, outcome.error) });
    if (outcome.value)
      setNote({
        tone: 'info',
        text: intl.formatMessage(
          { id: 'colleagues.card.saved', defaultMessage: 'Card saved: {path}' },
          { path: outcome.value.out },
        ),
      });
  };
  return (
    <section className="colleagues-panel" aria-labelledby="my-card-title">
      <h2 id="my-card-title" className="section-title">
        <FormattedMessage id="colleagues.card.title" defaultMessage="This workstation" />
      </h2>
      {card && (
        <dl className="facts">
          <dt>
            <FormattedMessage id="colleagues.card.name" defaultMessage="Reviewer" />
          </dt>
          <dd>
            <bdi dir="auto" data-testid="my-name">
              {card.name ||
                intl.formatMessage({ id: 'colleagues.card.noName', defaultMessage: 'No name yet' })}
            </bdi>
          </dd>
          <dt>
            <FormattedMessage id="colleagues.card.fingerprint" defaultMessage="Fingerprint" />
          </dt>
          <dd>
            <Fingerprint value={card.fingerprint} testId="my-fingerprint" />
          </dd>
        </dl>
      )}
      <p className="muted">
        <FormattedMessage
          id="colleagues.card.hint"
          defaultMessage="Give your card to a colleague, then read this fingerprint to them on a call or in person: they compare it before trusting it."
        />
      </p>
      <button
        type="button"
        className="button"
        data-testid="export-card"
        onClick={() => void exportCard()}
      >
        <FormattedMessage id="colleagues.card.export" defaultMessage="Export card…" />
      </button>
      {note && (
        <Notice tone={note.tone} role={note.tone === 'warning' ? 'alert' : 'status'}>
          {note.text}
        </Notice>
      )}
    </section>
  );
}

function AddColleague() {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<WorkstationCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    // A card is a few hundred bytes; anything much larger is not one.
    if (file.size > 4096)
      return setError(
        intl.formatMessage({
          id: 'colleagues.add.tooLarge',
          defaultMessage: 'That file is too large to be a workstation card.',
        }),
      );
    setText(await file.text());
    setChecked(null);
  };
  const check = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const outcome = await useColleagues.getState().inspect(text);
    if (outcome.ok) setChecked(outcome.value);
    else setError(describeError(intl, outcome.error));
  };
  const pin = async () => {
    setBusy(true);
    const outcome = await useColleagues.getState().add(text);
    setBusy(false);
    if (!outcome.ok) return setError(describeError(intl, outcome.error));
    setChecked(null);
    setText('');
  };

  return (
    <section className="colleagues-panel" aria-labelledby="add-colleague-title">
      <h2 id="add-colleague-title" className="section-title">
        <FormattedMessage id="colleagues.add.title" defaultMessage="Add a colleague" />
      </h2>
      <form className="form" onSubmit={(e) => void check(e)}>
        <div className="field">
          <label htmlFor="colleague-card-file" className="field-label">
            <FormattedMessage id="colleagues.add.file" defaultMessage="Their card file" />
          </label>
          <input
            id="colleague-card-file"
            type="file"
            accept=".custody-card,text/plain"
            data-testid="colleague-card-file"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </div>
        <div className="field">
          <label htmlFor="colleague-card-text" className="field-label">
            <FormattedMessage id="colleagues.add.paste" defaultMessage="Or paste the card" />
          </label>
          <textarea
            id="colleague-card-text"
            className="textarea colleague-card-text"
            dir="ltr"
            rows={6}
            value={text}
            spellCheck={false}
            onChange={(e) => {
              setText(e.target.value);
              setChecked(null);
            }}
            data-testid="colleague-card-text"
          />
        </div>
        {error && (
          <Notice tone="warning" role="alert">
            {error}
          </Notice>
        )}
        <button type="submit" className="button" disabled={!text.trim()} data-testid="check-card">
          <FormattedMessage id="colleagues.add.check" defaultMessage="Check the card" />
        </button>
      </form>
      {checked && (
        <Dialog
          title={intl.formatMessage({
            id: 'colleagues.add.confirmTitle',
            defaultMessage: 'Compare the fingerprint',
          })}
          onClose={() => setChecked(null)}
          testId="confirm-colleague"
        >
          <p>
            <FormattedMessage
              id="colleagues.add.confirmLead"
              defaultMessage="Ask {name} to read their fingerprint aloud. Trust the card only if every group is the same:"
              values={{ name: <bdi dir="auto">{checked.name}</bdi> }}
            />
          </p>
          <p className="fingerprint-large">
            <Fingerprint value={checked.fingerprint} testId="confirm-fingerprint" />
          </p>
          <FormFooter
            error={null}
            onCancel={() => setChecked(null)}
            cancel={intl.formatMessage({
              id: 'colleagues.add.cancel',
              defaultMessage: 'They differ',
            })}
          >
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void pin()}
              data-testid="pin-colleague"
            >
              <FormattedMessage
                id="colleagues.add.pin"
                defaultMessage="They match: add colleague"
              />
            </button>
          </FormFooter>
        </Dialog>
      )}
    </section>
  );
}

function ColleagueRow({ colleague }: { colleague: Colleague }) {
  const intl = useIntl();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const outcome = await useColleagues.getState().remove(colleague.fingerprint);
    if (!outcome.ok) setError(describeError(intl, outcome.error));
  };
  return (
    <li className="colleague-row" data-testid={`colleague-${colleague.fingerprint}`}>
      <bdi dir="auto" className="colleague-name">
        {colleague.name}
      </bdi>
      <Fingerprint value={colleague.fingerprint} />
      <span className="muted">
        <FormattedMessage
          id="colleagues.list.added"
          defaultMessage="added {date}"
          values={{ date: formatDateTime(intl, colleague.addedAt) }}
        />
      </span>
      <button
        type="button"
        className="button button-danger-quiet"
        onClick={() => setConfirming(true)}
        data-testid={`remove-colleague-${colleague.fingerprint}`}
      >
        <FormattedMessage id="colleagues.list.remove" defaultMessage="Remove…" />
      </button>
      {confirming && (
        <Dialog
          title={intl.formatMessage({
            id: 'colleagues.remove.title',
            defaultMessage: 'Remove this colleague?',
          })}
          onClose={() => setConfirming(false)}
          tone="danger"
          testId="remove-colleague-dialog"
        >
          <p>
            <FormattedMessage
              id="colleagues.remove.lead"
              defaultMessage="Bundles from {name} will be refused until you add their card again."
              values={{ name: <bdi dir="auto">{colleague.name}</bdi> }}
            />
          </p>
          <FormFooter
            error={error}
            onCancel={() => setConfirming(false)}
            cancel={intl.formatMessage({ id: 'colleagues.remove.keep', defaultMessage: 'Keep' })}
          >
            <button
              type="button"
              className="button button-danger"
              onClick={() => void remove()}
              data-testid="remove-colleague-confirm"
            >
              <FormattedMessage id="colleagues.remove.confirm" defaultMessage="Remove" />
            </button>
          </FormFooter>
        </Dialog>
      )}
    </li>
  );
}

export function ColleaguesScreen() {
  const intl = useIntl();
  const colleagues = useColleagues((s) => s.colleagues);
  const dropRefusal = useColleagues((s) => s.dropRefusal);
  useEffect(() => {
    void useColleagues.getState().load();
  }, []);
  return (
    <section className="page page-wide" aria-labelledby="colleagues-title" data-testid="colleagues">
      <button
        type="button"
        className="button-link back-link"
        onClick={() => useRoute.getState().back()}
      >
        <FormattedMessage id="colleagues.back" defaultMessage="Back" />
      </button>
      <h1 id="colleagues-title" className="page-title">
        <FormattedMessage id="colleagues.title" defaultMessage="Colleagues" />
      </h1>
      <div className="colleagues-columns">
        <MyCard />
        <AddColleague />
      </div>
      <section className="colleagues-panel" aria-labelledby="colleague-list-title">
        <h2 id="colleague-list-title" className="section-title">
          <FormattedMessage id="colleagues.list.title" defaultMessage="Trusted colleagues" />
        </h2>
        {colleagues.length === 0 ? (
          <p className="muted">
            <FormattedMessage
              id="colleagues.list.empty"
              defaultMessage="No colleagues yet. Cases can be sent only to a colleague whose card you added."
            />
          </p>
        ) : (
          <ul className="colleague-list" data-testid="colleague-list">
            {colleagues.map((c) => (
              <ColleagueRow key={c.fingerprint} colleague={c} />
            ))}
          </ul>
        )}
      </section>
      <section className="colleagues-panel" aria-labelledby="receive-title">
        <h2 id="receive-title" className="section-title">
          <FormattedMessage id="colleagues.receive.title" defaultMessage="Receive a case" />
        </h2>
        <p className="muted">
          <FormattedMessage
            id="colleagues.receive.hint"
            defaultMessage="Open a handoff bundle a colleague sent you, or drop it on the window."
          />
        </p>
        <ReceiveBundleButton />
        {dropRefusal && (
          <Notice tone="warning" role="alert" testId="drop-refusal">
            {describeError(intl, dropRefusal)}
          </Notice>
        )}
      </section>
    </section>
  );
}
