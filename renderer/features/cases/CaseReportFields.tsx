// The case's structured fields a CyberTipline draft reads: when the incident happened, where (web
// pages, e-mail addresses, chats) and which accounts are reported, with the IP addresses they were
// seen at. Rows are added and removed with buttons; a new row's first input takes the focus.
import { useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { incidentKinds, ipEventNames } from '../../../shared/domain/case.ts';
import { Field } from '../../components/Field.tsx';
import {
  emptyAccount,
  emptyIncident,
  emptyIp,
  type AccountRow,
  type CaseFormErrors,
  type IncidentRow,
  type IpRow,
} from './case-form.ts';

interface Props {
  incidentAt: string;
  incidents: IncidentRow[];
  accounts: AccountRow[];
  errors: CaseFormErrors;
  onIncidentAt: (value: string) => void;
  onIncidents: (rows: IncidentRow[]) => void;
  onAccounts: (rows: AccountRow[]) => void;
}

const TIME_PLACEHOLDER = '2026-03-01T14:30:00Z';

function TextInput(props: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  ltr?: boolean;
  placeholder?: string;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(a) => (
        <input
          {...a}
          name={props.name}
          className="input"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          dir={props.ltr ? 'ltr' : 'auto'}
          placeholder={props.placeholder}
          autoComplete="off"
          spellCheck={false}
          data-testid={`case-${props.name}`}
        />
      )}
    </Field>
  );
}

/** Replaces row `i` of `rows` with `patch` applied. */
function patched<T>(rows: T[], i: number, patch: Partial<T>): T[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

function RowActions({
  onRemove,
  label,
  testId,
}: {
  onRemove: () => void;
  label: string;
  testId: string;
}) {
  return (
    <div className="row-actions">
      <button type="button" className="button button-quiet" onClick={onRemove} data-testid={testId}>
        {label}
      </button>
    </div>
  );
}

function Rows({ children, legend }: { children: ReactNode; legend: string }) {
  return (
    <fieldset className="fieldset case-rows">
      <legend className="fieldset-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function CaseReportFields(props: Props) {
  const intl = useIntl();
  const t = intl.formatMessage;
  const rootRef = useRef<HTMLDivElement>(null);
  const focusLater = (name: string) =>
    requestAnimationFrame(() =>
      rootRef.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus(),
    );
  const timeLabel = t({ id: 'cases.form.seenAt', defaultMessage: 'Seen at (ISO 8601, optional)' });
  const remove = t({ id: 'cases.form.removeRow', defaultMessage: 'Remove' });

  const incidentKindLabels: Record<IncidentRow['kind'], string> = {
    'web-page': t({ id: 'cases.incident.webPage', defaultMessage: 'Web page (URL)' }),
    email: t({ id: 'cases.incident.email', defaultMessage: 'E-mail (address)' }),
    chat: t({ id: 'cases.incident.chat', defaultMessage: 'Chat (service or room)' }),
  };

  const setIp = (ai: number, ii: number, patch: Partial<IpRow>) => {
    const account = props.accounts[ai];
    if (!account) return;
    props.onAccounts(
      patched(props.accounts, ai, { ipCaptures: patched(account.ipCaptures, ii, patch) }),
    );
  };

  return (
    <div ref={rootRef} className="case-report-fields" data-testid="case-report-fields">
      <h2 className="section-title">
        <FormattedMessage id="cases.form.reportTitle" defaultMessage="For reports" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="cases.form.reportLead"
          defaultMessage="What a CyberTipline report draft needs: when and where it happened, and who did it. Leave empty what you do not know."
        />
      </p>
      <TextInput
        name="incidentAt"
        label={t({
          id: 'cases.form.incidentAt',
          defaultMessage: 'When the incident happened (ISO 8601, optional)',
        })}
        value={props.incidentAt}
        error={props.errors.incidentAt}
        onChange={props.onIncidentAt}
        placeholder={TIME_PLACEHOLDER}
        ltr
      />
      <Rows legend={t({ id: 'cases.form.incidents', defaultMessage: 'Where it happened' })}>
        {props.incidents.map((row, i) => (
          <div key={i} className="case-row" data-testid={`incident-row-${i}`}>
            <label className="field">
              <span className="field-label">
                <FormattedMessage id="cases.form.incidentKind" defaultMessage="Kind" />
              </span>
              <select
                name={`incidents.${i}.kind`}
                className="select"
                value={row.kind}
                onChange={(e) => {
                  const kind = incidentKinds.find((k) => k === e.target.value);
                  if (kind) props.onIncidents(patched(props.incidents, i, { kind }));
                }}
                data-testid={`case-incidents.${i}.kind`}
              >
                {incidentKinds.map((k) => (
                  <option key={k} value={k}>
                    {incidentKindLabels[k]}
                  </option>
                ))}
              </select>
            </label>
            <TextInput
              name={`incidents.${i}.value`}
              label={t({
                id: 'cases.form.incidentValue',
                defaultMessage: 'Address, URL or service',
              })}
              value={row.value}
              error={props.errors[`incidents.${i}.value`]}
              onChange={(value) => props.onIncidents(patched(props.incidents, i, { value }))}
              ltr
            />
            <TextInput
              name={`incidents.${i}.at`}
              label={timeLabel}
              value={row.at}
              error={props.errors[`incidents.${i}.at`]}
              onChange={(at) => props.onIncidents(patched(props.incidents, i, { at }))}
              placeholder={TIME_PLACEHOLDER}
              ltr
            />
            <RowActions
              label={remove}
              onRemove={() => props.onIncidents(props.incidents.filter((_, j) => j !== i))}
              testId={`remove-incident-${i}`}
            />
          </div>
        ))}
        <div>
          <button
            type="button"
            className="button"
            onClick={() => {
              props.onIncidents([...props.incidents, emptyIncident()]);
              focusLater(`incidents.${props.incidents.length}.kind`);
            }}
            data-testid="add-incident"
          >
            <FormattedMessage id="cases.form.addIncident" defaultMessage="Add a place" />
          </button>
        </div>
      </Rows>
      <Rows legend={t({ id: 'cases.form.accounts', defaultMessage: 'Reported accounts' })}>
        {props.accounts.map((row, i) => (
          <div key={i} className="case-row case-account" data-testid={`account-row-${i}`}>
            <TextInput
              name={`reportedAccounts.${i}.screenName`}
              label={t({ id: 'cases.account.screenName', defaultMessage: 'Screen name' })}
              value={row.screenName}
              // The account's own error (no name at all) shows here, where the first name goes.
              error={
                props.errors[`reportedAccounts.${i}.screenName`] ??
                props.errors[`reportedAccounts.${i}`]
              }
              onChange={(screenName) =>
                props.onAccounts(patched(props.accounts, i, { screenName }))
              }
            />
            <TextInput
              name={`reportedAccounts.${i}.displayName`}
              label={t({ id: 'cases.account.displayName', defaultMessage: 'Display name' })}
              value={row.displayName}
              error={props.errors[`reportedAccounts.${i}.displayName`]}
              onChange={(displayName) =>
                props.onAccounts(patched(props.accounts, i, { displayName }))
              }
            />
            <TextInput
              name={`reportedAccounts.${i}.profileUrl`}
              label={t({ id: 'cases.account.profileUrl', defaultMessage: 'Profile URL' })}
              value={row.profileUrl}
              error={props.errors[`reportedAccounts.${i}.profileUrl`]}
              onChange={(profileUrl) =>
                props.onAccounts(patched(props.accounts, i, { profileUrl }))
              }
              placeholder="https://"
              ltr
            />
            <TextInput
              name={`reportedAccounts.${i}.espIdentifier`}
              label={t({
                id: 'cases.account.espIdentifier',
                defaultMessage: 'Account id in your service',
              })}
              value={row.espIdentifier}
              error={props.errors[`reportedAccounts.${i}.espIdentifier`]}
              onChange={(espIdentifier) =>
                props.onAccounts(patched(props.accounts, i, { espIdentifier }))
              }
              ltr
            />
            {row.ipCaptures.map((ip, j) => {
              const at = `reportedAccounts.${i}.ipCaptures.${j}`;
              return (
                <div key={j} className="case-row case-ip" data-testid={`ip-row-${i}-${j}`}>
                  <TextInput
                    name={`${at}.ipAddress`}
                    label={t({ id: 'cases.ip.address', defaultMessage: 'IP address' })}
                    value={ip.ipAddress}
                    error={props.errors[`${at}.ipAddress`]}
                    onChange={(ipAddress) => setIp(i, j, { ipAddress })}
                    ltr
                  />
                  <label className="field">
                    <span className="field-label">
                      <FormattedMessage id="cases.ip.event" defaultMessage="Seen during" />
                    </span>
                    <select
                      name={`${at}.eventName`}
                      className="select"
                      value={ip.eventName}
                      onChange={(e) =>
                        setIp(i, j, {
                          eventName: ipEventNames.find((n) => n === e.target.value) ?? '',
                        })
                      }
                      data-testid={`case-${at}.eventName`}
                    >
                      <option value="">
                        {t({ id: 'cases.ip.eventUnsaid', defaultMessage: 'Not said' })}
                      </option>
                      {/* The CyberTipline's own event names, written as they are. */}
                      {ipEventNames.map((n) => (
                        <option key={n} value={n} dir="ltr">
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                  <TextInput
                    name={`${at}.at`}
                    label={timeLabel}
                    value={ip.at}
                    error={props.errors[`${at}.at`]}
                    onChange={(time) => setIp(i, j, { at: time })}
                    placeholder={TIME_PLACEHOLDER}
                    ltr
                  />
                  <RowActions
                    label={remove}
                    onRemove={() =>
                      props.onAccounts(
                        patched(props.accounts, i, {
                          ipCaptures: row.ipCaptures.filter((_, k) => k !== j),
                        }),
                      )
                    }
                    testId={`remove-ip-${i}-${j}`}
                  />
                </div>
              );
            })}
            <div className="row-actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  props.onAccounts(
                    patched(props.accounts, i, { ipCaptures: [...row.ipCaptures, emptyIp()] }),
                  );
                  focusLater(`reportedAccounts.${i}.ipCaptures.${row.ipCaptures.length}.ipAddress`);
                }}
                data-testid={`add-ip-${i}`}
              >
                <FormattedMessage id="cases.form.addIp" defaultMessage="Add an IP address" />
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => props.onAccounts(props.accounts.filter((_, j) => j !== i))}
                data-testid={`remove-account-${i}`}
              >
                <FormattedMessage
                  id="cases.form.removeAccount"
                  defaultMessage="Remove the account"
                />
              </button>
            </div>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="button"
            onClick={() => {
              props.onAccounts([...props.accounts, emptyAccount()]);
              focusLater(`reportedAccounts.${props.accounts.length}.screenName`);
            }}
            data-testid="add-account"
          >
            <FormattedMessage id="cases.form.addAccount" defaultMessage="Add an account" />
          </button>
        </div>
      </Rows>
    </div>
  );
}
