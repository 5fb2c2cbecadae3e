// The case view's handoff parts: "Send to colleague…" (choose a pinned colleague, then the save
// dialog), the banner while the case is with a colleague (read-only here; "Take back" with a typed
// reason, logged), what came back changed on both sides (keep mine / keep theirs), and the history
// other workstations proved for this case (each entry re-verified, never editable).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { describeError, formatDateTime } from '../../base/i18n.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { Notice } from '../../components/Notice.tsx';
import type { Case } from '../../../shared/domain/case.ts';
import { useColleagues, type MergeConflict } from './colleagues.store.ts';
import { Fingerprint } from './Fingerprint.tsx';
import './colleagues.css';

/** As the core asks (handoff.service.ts TAKE_BACK_REASON_MIN). */
const REASON_MIN = 10;

const fieldLabels: Record<string, MessageDescriptor> = defineMessages({
  category: { id: 'handoff.field.category', defaultMessage: 'Category' },
  title: { id: 'handoff.field.title', defaultMessage: 'Title' },
  kind: { id: 'handoff.field.kind', defaultMessage: 'Kind of case' },
  emergency: { id: 'handoff.field.emergency', defaultMessage: 'Emergency' },
  languages: { id: 'handoff.field.languages', defaultMessage: 'Languages' },
  externalRefs: { id: 'handoff.field.externalRefs', defaultMessage: 'References' },
  notes: { id: 'handoff.field.notes', defaultMessage: 'Case notes' },
  reportedAccounts: { id: 'handoff.field.reportedAccounts', defaultMessage: 'Reported accounts' },
  incidents: { id: 'handoff.field.incidents', defaultMessage: 'Incident places' },
  incidentAt: { id: 'handoff.field.incidentAt', defaultMessage: 'Incident time' },
  label: { id: 'handoff.field.label', defaultMessage: 'Label' },
});

const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function SendDialog({ c, onClose }: { c: Case; onClose: () => void }) {
  const intl = useIntl();
  const colleagues = useColleagues((s) => s.colleagues);
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    void useColleagues.getState().load();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to || busy) return;
    setBusy(true);
    setError(null);
    const outcome = await useColleagues.getState().send(c.id, to);
    setBusy(false);
    if (!outcome.ok) return setError(describeError(intl, outcome.error));
    if (outcome.value) onClose();
  };
  return (
    <Dialog
      title={intl.formatMessage({
        id: 'handoff.send.title',
        defaultMessage: 'Send to a colleague',
      })}
      onClose={onClose}
      initialFocus={selectRef}
      testId="send-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p>
          <FormattedMessage
            id="handoff.send.lead"
            defaultMessage="The case is saved as a bundle only their workstation can open, signed by yours. Here it becomes read-only until it comes back."
          />
        </p>
        {colleagues.length === 0 ? (
          <Notice tone="info">
            <FormattedMessage
              id="handoff.send.noColleagues"
              defaultMessage="Add a colleague’s card on the Colleagues screen first."
            />
          </Notice>
        ) : (
          <div className="field">
            <label htmlFor="send-to" className="field-label">
              <FormattedMessage id="handoff.send.to" defaultMessage="Colleague" />
            </label>
            <select
              id="send-to"
              ref={selectRef}
              className="select"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              data-testid="send-to"
            >
              <option value="">
                {intl.formatMessage({ id: 'handoff.send.choose', defaultMessage: 'Choose…' })}
              </option>
              {colleagues.map((k) => (
                <option key={k.fingerprint} value={k.fingerprint}>
                  {`${k.name} · ${k.fingerprint}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <FormFooter
          error={error}
          onCancel={onClose}
          cancel={intl.formatMessage({ id: 'handoff.send.cancel', defaultMessage: 'Cancel' })}
        >
          <button
            type="submit"
            className="button button-primary"
            disabled={!to || busy}
            data-testid="send-confirm"
          >
            {busy ? (
              <FormattedMessage id="handoff.send.busy" defaultMessage="Sending…" />
            ) : (
              <FormattedMessage id="handoff.send.confirm" defaultMessage="Choose where to save…" />
            )}
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}

function TakeBackDialog({ c, onClose }: { c: Case; onClose: () => void }) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const enough = reason.trim().length >= REASON_MIN;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!enough) return;
    const outcome = await useColleagues.getState().takeBack(c.id, reason.trim());
    if (!outcome.ok) return setError(describeError(intl, outcome.error));
    onClose();
  };
  return (
    <Dialog
      title={intl.formatMessage({
        id: 'handoff.takeBack.title',
        defaultMessage: 'Take the case back?',
      })}
      onClose={onClose}
      initialFocus={ref}
      testId="take-back-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p>
          <FormattedMessage
            id="handoff.takeBack.lead"
            defaultMessage="For a colleague who cannot send it back. The reason goes into the custody log; if they send it back later, their work is still merged."
          />
        </p>
        <div className="field">
          <label htmlFor="take-back-reason" className="field-label">
            <FormattedMessage
              id="handoff.takeBack.reason"
              defaultMessage="Reason (at least {min} characters)"
              values={{ min: REASON_MIN }}
            />
          </label>
          <textarea
            id="take-back-reason"
            ref={ref}
            className="textarea"
            dir="auto"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="take-back-reason"
          />
        </div>
        <FormFooter
          error={error}
          onCancel={onClose}
          cancel={intl.formatMessage({
            id: 'handoff.takeBack.cancel',
            defaultMessage: 'Leave it with them',
          })}
        >
          <button
            type="submit"
            className="button button-primary"
            disabled={!enough}
            data-testid="take-back-confirm"
          >
            <FormattedMessage id="handoff.takeBack.confirm" defaultMessage="Take back" />
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}

function ConflictRow({ caseId, conflict }: { caseId: string; conflict: MergeConflict }) {
  const intl = useIntl();
  const [error, setError] = useState<string | null>(null);
  const field = conflict.field.startsWith('label:') ? 'label' : conflict.field;
  const label = fieldLabels[field];
  const keep = async (side: 'mine' | 'theirs') => {
    const outcome = await useColleagues.getState().resolve(caseId, conflict.id, side);
    if (!outcome.ok) setError(describeError(intl, outcome.error));
  };
  return (
    <li className="handoff-conflict" data-testid={`conflict-${conflict.id}`}>
      <strong>{label ? intl.formatMessage(label) : conflict.field}</strong>
      {conflict.itemId && <code dir="ltr">{conflict.itemId}</code>}
      <span>
        <FormattedMessage
          id="handoff.conflict.values"
          defaultMessage="Here: {ours} · Theirs: {theirs}"
          values={{
            ours: <bdi dir="auto">{shown(conflict.ours)}</bdi>,
            theirs: <bdi dir="auto">{shown(conflict.theirs)}</bdi>,
          }}
        />
      </span>
      <button
        type="button"
        className="button"
        onClick={() => void keep('mine')}
        data-testid={`keep-mine-${conflict.id}`}
      >
        <FormattedMessage id="handoff.conflict.keepMine" defaultMessage="Keep mine" />
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void keep('theirs')}
        data-testid={`keep-theirs-${conflict.id}`}
      >
        <FormattedMessage id="handoff.conflict.keepTheirs" defaultMessage="Keep theirs" />
      </button>
      {error && (
        <Notice tone="warning" role="alert">
          {error}
        </Notice>
      )}
    </li>
  );
}

/** The case's handoff state, loaded when the case opens; Send to colleague… while it is here. */
export function SendToColleague({ c }: { c: Case }) {
  const status = useColleagues((s) => (s.caseId === c.id ? s.status : null));
  const [sending, setSending] = useState(false);
  useEffect(() => {
    void useColleagues.getState().loadCase(c.id);
  }, [c.id]);
  if (status?.state === 'with-colleague' || c.status !== 'open') return null;
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setSending(true)}
        data-testid="send-to-colleague"
      >
        <FormattedMessage id="handoff.send.open" defaultMessage="Send to colleague…" />
      </button>
      {sending && <SendDialog c={c} onClose={() => setSending(false)} />}
    </>
  );
}

/** While the case is with a colleague: who has it since when, and the logged Take back. */
export function HandedOverBanner({ c }: { c: Case }) {
  const intl = useIntl();
  const status = useColleagues((s) => (s.caseId === c.id ? s.status : null));
  const [takingBack, setTakingBack] = useState(false);
  if (status?.state !== 'with-colleague' || !status.colleague || !status.since) return null;
  return (
    <Notice tone="warning" testId="handoff-banner">
      <span className="handoff-banner">
        <span>
          <FormattedMessage
            id="handoff.banner"
            defaultMessage="With {name} since {time}. Read-only here until it comes back."
            values={{
              name: <bdi dir="auto">{status.colleague.name}</bdi>,
              time: formatDateTime(intl, status.since),
            }}
          />
        </span>
        <button
          type="button"
          className="button"
          onClick={() => setTakingBack(true)}
          data-testid="take-back"
        >
          <FormattedMessage id="handoff.takeBack.open" defaultMessage="Take back…" />
        </button>
      </span>
      {takingBack && <TakeBackDialog c={c} onClose={() => setTakingBack(false)} />}
    </Notice>
  );
}

/** What came back to decide, and the history other workstations proved for this case. */
export function CaseHandoffHistory({ c }: { c: Case }) {
  const intl = useIntl();
  const history = useColleagues((s) => (s.caseId === c.id ? s.history : []));
  const conflicts = useColleagues((s) => (s.caseId === c.id ? s.conflicts : []));
  if (history.length === 0 && conflicts.length === 0) return null;
  return (
    <>
      {conflicts.length > 0 && (
        <section aria-labelledby="conflicts-title" data-testid="handoff-conflicts">
          <h2 id="conflicts-title" className="section-title">
            <FormattedMessage id="handoff.conflicts.title" defaultMessage="Changed on both sides" />
          </h2>
          <ul className="colleague-list">
            {conflicts.map((k) => (
              <ConflictRow key={k.id} caseId={c.id} conflict={k} />
            ))}
          </ul>
        </section>
      )}
      {history.length > 0 && (
        <section aria-labelledby="received-history-title" data-testid="received-history">
          <h2 id="received-history-title" className="section-title">
            <FormattedMessage id="handoff.history.title" defaultMessage="History from colleagues" />
          </h2>
          <ol className="handoff-history">
            {history.map((h) => (
              <li key={`${h.from.fingerprint}-${h.entry.seq}`} data-testid="received-entry">
                {h.verified ? (
                  <span className="handoff-verified" data-testid="entry-verified">
                    <FormattedMessage id="handoff.history.verified" defaultMessage="Verified" />
                  </span>
                ) : (
                  <span className="handoff-unverified" data-testid="entry-unverified">
                    <FormattedMessage
                      id="handoff.history.unverified"
                      defaultMessage="Does not verify"
                    />
                  </span>
                )}
                <span>{formatDateTime(intl, h.entry.at)}</span>
                <code dir="ltr">{h.entry.action}</code>
                <bdi dir="auto">{h.entry.reviewer ?? h.from.name}</bdi>
                <Fingerprint value={h.from.fingerprint} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
