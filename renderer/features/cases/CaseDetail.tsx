// One case: its fields, its actions, and its evidence grid.
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Case } from '../../../shared/domain/case.ts';
import { caseKindLabel } from '../../base/domain-labels.ts';
import { useCases } from './cases.store.ts';
import { CaseBadges } from './CaseBadges.tsx';
import {
  CaseHandoffHistory,
  HandedOverBanner,
  SendToColleague,
} from '../colleagues/CaseHandoff.tsx';
import { useColleagues } from '../colleagues/colleagues.store.ts';
import { DestroyCaseDialog } from './DestroyCaseDialog.tsx';
import { EvidenceSection } from '../evidence/EvidenceSection.tsx';
import { useRoute } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { describeError, formatDateTime, languageName } from '../../base/i18n.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { Notice } from '../../components/Notice.tsx';

export function CaseDetail({ id }: { id: string }) {
  const c = useCases((s) => s.cases.find((x) => x.id === id));
  const loaded = useCases((s) => s.loaded);
  const { back } = useRoute.getState();
  useShortcut('back', back);

  useEffect(() => {
    if (!useCases.getState().cases.some((x) => x.id === id)) void useCases.getState().load();
  }, [id]);

  if (!c) {
    return (
      <section className="page">
        <BackLink />
        {loaded && (
          <Notice tone="warning">
            <FormattedMessage id="error.notFound" defaultMessage="That case no longer exists." />
          </Notice>
        )}
      </section>
    );
  }
  return <CaseView c={c} />;
}

function BackLink() {
  return (
    <button
      type="button"
      className="button-link back-link"
      onClick={() => useRoute.getState().back()}
    >
      <FormattedMessage id="cases.backToAll" defaultMessage="← All cases" />
    </button>
  );
}

function CaseView({ c }: { c: Case }) {
  const [destroying, setDestroying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const { go, replace } = useRoute.getState();
  const intl = useIntl();
  // While the case is with a colleague it is read-only here: the core refuses edits, so they are off.
  const handedOver = useColleagues(
    (s) => s.caseId === c.id && s.status?.state === 'with-colleague',
  );

  // The title takes the focus, unless the grid took it back on the way from an item.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) titleRef.current?.focus();
  }, []);
  useShortcut('edit', () => go({ name: 'edit-case', id: c.id }), !destroying && !handedOver);

  const toggleStatus = async () => {
    setBusy(true);
    setError(null);
    const store = useCases.getState();
    const outcome = c.status === 'open' ? await store.close(c.id) : await store.reopen(c.id);
    setBusy(false);
    if (!outcome.ok) setError(describeError(intl, outcome.error));
  };

  const destroy = async () => {
    setBusy(true);
    setError(null);
    const outcome = await useCases.getState().destroy(c.id);
    setBusy(false);
    if (!outcome.ok) return setError(describeError(intl, outcome.error));
    useCases.getState().setNotice(
      intl.formatMessage({
        id: 'cases.destroyed',
        defaultMessage: 'The case was destroyed. Its key is gone; a record of this stays.',
      }),
    );
    replace({ name: 'cases' });
  };

  return (
    <article className="page page-wide" aria-labelledby="case-title" data-testid="case-detail">
      <BackLink />
      <header className="case-header">
        <CaseBadges c={c} />
        <h1 id="case-title" className="page-title case-title" tabIndex={-1} ref={titleRef}>
          {/* Isolated, so an Arabic title keeps its own order but lines up with the page. */}
          <bdi dir="auto" data-testid="case-detail-title">
            {c.title}
          </bdi>
        </h1>
        <div className="case-actions">
          <button
            type="button"
            className="button"
            data-testid="edit-case"
            disabled={handedOver}
            aria-keyshortcuts="e"
            onClick={() => go({ name: 'edit-case', id: c.id })}
          >
            <FormattedMessage id="cases.edit" defaultMessage="Edit" /> <Kbd spec="e" />
          </button>
          <button
            type="button"
            className="button"
            data-testid={c.status === 'open' ? 'close-case' : 'reopen-case'}
            disabled={handedOver}
            aria-disabled={busy || undefined}
            onClick={() => void (busy ? undefined : toggleStatus())}
          >
            {c.status === 'open' ? (
              <FormattedMessage id="cases.close" defaultMessage="Close case" />
            ) : (
              <FormattedMessage id="cases.reopen" defaultMessage="Reopen case" />
            )}
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            data-testid="destroy-case"
            onClick={() => setDestroying(true)}
          >
            <FormattedMessage id="cases.destroy.open" defaultMessage="Destroy…" />
          </button>
          <SendToColleague c={c} />
        </div>
      </header>
      <HandedOverBanner c={c} />
      {error && !destroying && (
        <Notice tone="warning" role="alert">
          {error}
        </Notice>
      )}
      {c.status === 'closed' && c.closedAt && (
        <Notice tone="info" testId="closed-notice">
          <FormattedMessage
            id="cases.closedNotice"
            defaultMessage="Closed on {date}. The case and its evidence stay in the vault until you destroy it."
            values={{ date: formatDateTime(intl, c.closedAt) }}
          />
        </Notice>
      )}
      {/* The case's facts beside its evidence, so the grid and an ingest's progress start high. */}
      <div className="case-columns">
        <CaseFields c={c} />
        <EvidenceSection c={c} handedOver={handedOver} />
      </div>
      <CaseHandoffHistory c={c} />
      {destroying && (
        <DestroyCaseDialog
          c={c}
          busy={busy}
          error={error}
          onCancel={() => {
            setDestroying(false);
            setError(null);
          }}
          onConfirm={() => void destroy()}
        />
      )}
    </article>
  );
}

function CaseFields({ c }: { c: Case }) {
  const intl = useIntl();
  return (
    <div className="case-body">
      <dl className="facts">
        <dt>
          <FormattedMessage id="cases.fact.kind" defaultMessage="Kind" />
        </dt>
        <dd>{caseKindLabel(intl, c.kind)}</dd>
        <dt>
          <FormattedMessage id="cases.fact.priority" defaultMessage="Priority" />
        </dt>
        <dd>
          {c.emergency ? (
            <FormattedMessage id="cases.priority.emergency" defaultMessage="Emergency" />
          ) : (
            <FormattedMessage id="cases.priority.routine" defaultMessage="Routine" />
          )}
        </dd>
        <dt>
          <FormattedMessage id="cases.fact.languages" defaultMessage="Languages" />
        </dt>
        <dd>
          {c.languages.length ? (
            intl.formatList(c.languages.map((l) => languageName(intl, l)))
          ) : (
            <FormattedMessage id="cases.noneRecorded" defaultMessage="None recorded" />
          )}
        </dd>
        <dt>
          <FormattedMessage id="cases.fact.opened" defaultMessage="Opened" />
        </dt>
        <dd>{formatDateTime(intl, c.createdAt)}</dd>
        <dt>
          <FormattedMessage id="cases.fact.changed" defaultMessage="Last changed" />
        </dt>
        <dd>{formatDateTime(intl, c.updatedAt)}</dd>
      </dl>
      <section aria-labelledby="refs-title">
        <h2 id="refs-title" className="section-title">
          <FormattedMessage id="cases.refs.title" defaultMessage="External references" />
        </h2>
        {c.externalRefs.length ? (
          <ul className="refs" data-testid="case-refs-list">
            {c.externalRefs.map((ref, index) => (
              <li key={index} dir="auto">
                {ref}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            <FormattedMessage id="cases.refs.none" defaultMessage="None recorded." />
          </p>
        )}
      </section>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title" className="section-title">
          <FormattedMessage id="cases.notes.title" defaultMessage="Notes" />
        </h2>
        {c.notes ? (
          <div className="notes" data-testid="case-notes-text">
            {/* Each line finds its own direction: a Persian line and a Russian line side by side. */}
            {c.notes.split('\n').map((line, index) => (
              <p key={index} dir="auto">
                {line || '\u00a0'}
              </p>
            ))}
          </div>
        ) : (
          <p className="muted">
            <FormattedMessage id="cases.notes.none" defaultMessage="No notes." />
          </p>
        )}
      </section>
    </div>
  );
}
