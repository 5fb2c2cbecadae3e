// Beside the signed packet, the same items in the formats other recipients read: a CyberTipline
// report draft (a folder), Project VIC VICS (2.0, or 1.3 on request) and CASE/UCO. Each opens the
// save dialog, then shows where it went, how many items, and its record in the report ledger.
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { incidentTypes } from '../../../shared/domain/cybertipline.ts';
import { describeError } from '../../base/i18n.ts';
import { Notice } from '../../components/Notice.tsx';
import { exportName } from './export-choices.ts';
import {
  useExports,
  type ExportDone,
  type ExportFailure,
  type ExportKind,
  type ExportRequest,
} from './exports.store.ts';

interface ExportChoicesProps {
  caseId: string;
  /** The chosen items' ids, undefined for the whole case, null while they are being read. */
  itemIds: string[] | undefined | null;
  /** The packet form's agency, the recipient VICS and CASE/UCO are recorded for. */
  recipient: string;
}

function errorWords(intl: IntlShape, error: ExportFailure): string {
  return error.code === 'UNSUPPORTED'
    ? intl.formatMessage({
        id: 'exports.noDialog',
        defaultMessage: 'There is no save dialog here, so nothing can be exported.',
      })
    : describeError(intl, error);
}

function ExportOutcome({ kind, done }: { kind: ExportKind; done: ExportDone }) {
  return (
    <dl className="facts export-outcome" data-testid={`export-result-${kind}`}>
      <dt>
        <FormattedMessage id="exports.result.where" defaultMessage="Written to" />
      </dt>
      <dd>
        <code className="hash-value" dir="ltr" data-testid={`export-out-${kind}`}>
          {done.out}
        </code>
      </dd>
      <dt>
        <FormattedMessage id="exports.result.items" defaultMessage="Items" />
      </dt>
      <dd data-testid={`export-items-${kind}`}>
        <FormattedMessage
          id="exports.result.count"
          defaultMessage="{items, plural, one {# item} other {# items}} in {files, plural, one {# file} other {# files}}"
          values={{ items: done.items, files: done.files.length }}
        />
      </dd>
      <dt>
        <FormattedMessage id="exports.result.ledger" defaultMessage="Report ledger record" />
      </dt>
      <dd>
        <code className="hash-value" dir="ltr" data-testid={`export-report-${kind}`}>
          {done.reportId}
        </code>
      </dd>
    </dl>
  );
}

export function ExportChoices({ caseId, itemIds, recipient }: ExportChoicesProps) {
  const intl = useIntl();
  const t = intl.formatMessage;
  const running = useExports((s) => s.running);
  const done = useExports((s) => s.done);
  const failed = useExports((s) => s.failed);
  const [vicsVersion, setVicsVersion] = useState<'2.0' | '1.3'>('2.0');
  const [incidentType, setIncidentType] = useState('');
  useEffect(() => useExports.getState().reset(), []);

  const run = (kind: ExportKind) => {
    if (itemIds === null) return;
    const request: ExportRequest = {
      caseId,
      itemIds,
      recipient,
      vicsVersion,
      incidentType: incidentType || undefined,
    };
    void useExports.getState().run(kind, exportName(kind, new Date()), request);
  };

  const kinds: { kind: ExportKind; title: string; lead: string; button: string }[] = [
    {
      kind: 'ncmec',
      title: t({ id: 'exports.ncmec.title', defaultMessage: 'NCMEC CyberTipline report draft' }),
      lead: t({
        id: 'exports.ncmec.lead',
        defaultMessage:
          'A folder with report.xml and one fileDetails file per item, for your organisation’s connected system to submit. It names the reporter profile from Settings and the case’s reported accounts and incidents.',
      }),
      button: t({ id: 'exports.ncmec.write', defaultMessage: 'Write the CyberTip draft…' }),
    },
    {
      kind: 'vics',
      title: t({ id: 'exports.vics.title', defaultMessage: 'Project VIC (VICS)' }),
      lead: t({
        id: 'exports.vics.lead',
        defaultMessage:
          'Hashes and categories as JSON, for Griffeye, AXIOM and IPED. No pictures go in it.',
      }),
      button: t({ id: 'exports.vics.write', defaultMessage: 'Write VICS…' }),
    },
    {
      kind: 'case-uco',
      title: t({ id: 'exports.caseUco.title', defaultMessage: 'CASE/UCO' }),
      lead: t({
        id: 'exports.caseUco.lead',
        defaultMessage:
          'The files, their hashes and the custody history as CASE 1.4 JSON-LD, for forensic exchange.',
      }),
      button: t({ id: 'exports.caseUco.write', defaultMessage: 'Write CASE/UCO…' }),
    },
  ];

  return (
    <section
      className="export-choices"
      aria-labelledby="exports-title"
      data-testid="export-choices"
    >
      <h2 id="exports-title" className="section-title">
        <FormattedMessage id="exports.title" defaultMessage="Other formats for the same items" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="exports.lead"
          defaultMessage="Each is written where you choose and recorded in the report ledger with every file’s hashes."
        />
      </p>
      {kinds.map(({ kind, title, lead, button }) => (
        <div key={kind} className="export-choice" data-testid={`export-${kind}`}>
          <h3 className="export-choice-title">{title}</h3>
          <p className="muted">{lead}</p>
          {kind === 'ncmec' && (
            <label className="field">
              <span className="field-label">
                <FormattedMessage id="exports.ncmec.incidentType" defaultMessage="Incident type" />
              </span>
              <select
                className="select"
                value={incidentType}
                onChange={(e) => setIncidentType(e.target.value)}
                data-testid="export-incident-type"
              >
                <option value="">
                  {t({
                    id: 'exports.ncmec.incidentFromCase',
                    defaultMessage: 'From the case’s kind and categories',
                  })}
                </option>
                {/* The API's own spelling, written as is: not translated. */}
                {incidentTypes.map((type) => (
                  <option key={type} value={type} dir="ltr">
                    {type}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'vics' && (
            <fieldset className="export-version">
              <legend className="field-label">
                <FormattedMessage id="exports.vics.version" defaultMessage="VICS version" />
              </legend>
              {(['2.0', '1.3'] as const).map((v) => (
                <label key={v} className="check check-compact">
                  <input
                    type="radio"
                    name="vics-version"
                    value={v}
                    checked={vicsVersion === v}
                    onChange={() => setVicsVersion(v)}
                    data-testid={`vics-version-${v}`}
                  />
                  <span dir="ltr">{v}</span>
                </label>
              ))}
            </fieldset>
          )}
          <div>
            <button
              type="button"
              className="button"
              onClick={() => run(kind)}
              aria-disabled={running !== null || itemIds === null || undefined}
              data-testid={`export-${kind}-run`}
            >
              {running === kind ? t({ id: 'exports.writing', defaultMessage: 'Writing…' }) : button}
            </button>
          </div>
          {failed[kind] && (
            <Notice tone="warning" role="alert" testId={`export-error-${kind}`}>
              {errorWords(intl, failed[kind])}
            </Notice>
          )}
          {done[kind] && !failed[kind] && <ExportOutcome kind={kind} done={done[kind]} />}
        </div>
      ))}
    </section>
  );
}
