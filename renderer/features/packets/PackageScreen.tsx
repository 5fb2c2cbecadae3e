// Packaging for an agency or an escalation: which items, for whom, what goes in, whether it is
// encrypted, and where the file goes. Then a calm progress bar, and the result with what the
// recipient needs to verify it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { useRoute } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { describeError } from '../../base/i18n.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useCases } from '../cases/cases.store.ts';
import { useEvidence } from '../evidence/evidence.store.ts';
import { useTriage } from '../triage/triage.store.ts';
import { ExportChoices } from './ExportChoices.tsx';
import { PacketOptions } from './PacketOptions.tsx';
import { chooseTarget } from './PacketOutField.tsx';
import { PacketResult } from './PacketResult.tsx';
import { PacketSummary } from './PacketSummary.tsx';
import { phaseWords, progressShare, usePackets } from './packets.store.ts';
import {
  buildRequest,
  defaultOut,
  groupFingerprint,
  validatePacketForm,
  type ItemSource,
  type PacketErrors,
  type PacketFormValues,
} from './packet-form.ts';
import './packets.css';

function initialValues(selected: number, filtered: boolean): PacketFormValues {
  return {
    source: selected > 0 ? 'selection' : filtered ? 'filter' : 'case',
    agency: '',
    reference: '',
    includeOriginals: true,
    includeThumbnails: false,
    includeNotes: true,
    includeParents: false,
    encryption: 'none',
    recipient: '',
    passphrase: '',
    passphraseAgain: '',
    out: defaultOut(new Date(), false),
    target: null,
  };
}

/** The summaries of the items a source covers. */
async function chosenItems(caseId: string, source: ItemSource): Promise<ItemSummary[] | null> {
  const evidence = useEvidence.getState();
  if (source === 'selection') {
    return evidence.items.filter(
      (i): i is ItemSummary => i !== undefined && evidence.selected.has(i.id),
    );
  }
  if (source === 'filter') return evidence.loadAll();
  const all = await usePackets.getState().caseItems(caseId);
  return all.ok ? all.value : null;
}

export function PackageScreen({ caseId }: { caseId: string }) {
  const c = useCases((s) => s.cases.find((x) => x.id === caseId));
  const selectedCount = useEvidence((s) => s.selected.size);
  const filter = useEvidence((s) => s.filter);
  const filteredTotal = useEvidence((s) => s.total);
  const filtered = Object.values(filter).some((v) => v !== '');
  const key = usePackets((s) => s.key);
  const building = usePackets((s) => s.building);
  const progress = usePackets((s) => s.progress);
  const built = usePackets((s) => s.built);
  const [values, setValues] = useState(() => initialValues(selectedCount, filtered));
  const [errors, setErrors] = useState<PacketErrors>({});
  const [buildError, setBuildError] = useState<string | null>(null);
  const [found, setFound] = useState<{ source: ItemSource; items: ItemSummary[] | null } | null>(
    null,
  );
  const items = found?.source === values.source ? found.items : null;
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { back } = useRoute.getState();
  const intl = useIntl();
  const t = intl.formatMessage;

  useEffect(() => {
    headingRef.current?.focus();
    usePackets.getState().reset();
    void usePackets.getState().loadKey();
    void useTriage.getState().loadCategories();
  }, []);

  useEffect(() => {
    let current = true;
    const source = values.source;
    void chosenItems(caseId, source).then((chosen) => {
      if (current) setFound({ source, items: chosen });
    });
    return () => {
      current = false;
    };
  }, [caseId, values.source]);

  const set = <K extends keyof PacketFormValues>(field: K, value: PacketFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const build = async () => {
    if (building || !items) return;
    const checked = validatePacketForm(intl, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    if (items.length === 0)
      return setBuildError(
        t({
          id: 'packets.noItems',
          defaultMessage: 'No item is chosen: choose another set above.',
        }),
      );
    setBuildError(null);
    // No place chosen yet (the prefilled name): the save dialog opens on it first.
    let target = values.target;
    if (!target) {
      const chosen = await chooseTarget(intl, values.out, values.encryption !== 'none');
      if (chosen.note) return setBuildError(chosen.note);
      if (!chosen.target) return;
      target = chosen.target;
      set('out', chosen.shown);
    }
    const ids = values.source === 'case' ? undefined : items.map((i) => i.id);
    // A choice is good for one build: a failed one needs the dialog again.
    set('target', null);
    const outcome = await usePackets.getState().build(buildRequest(values, caseId, ids, target));
    if (!outcome.ok) setBuildError(describeError(intl, outcome.error));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void build();
  };
  useShortcut('save', () => void build(), !built);
  useShortcut('back', back, !building);

  const counts: Record<ItemSource, number> = {
    selection: selectedCount,
    filter: filteredTotal,
    case: c?.itemCount ?? 0,
  };

  return (
    <section
      className="page page-package"
      aria-labelledby="package-title"
      data-testid="package-screen"
    >
      <button type="button" className="button-link back-link" onClick={back}>
        <FormattedMessage id="packets.backArrow" defaultMessage="← Back to the case" />
      </button>
      <header className="page-header">
        <h1 id="package-title" className="page-title" tabIndex={-1} ref={headingRef}>
          {c ? (
            <FormattedMessage
              id="packets.titleFor"
              defaultMessage="Package evidence {case}"
              values={{
                case: (
                  <span className="package-case">
                    <bdi dir="auto">{c.title}</bdi>
                  </span>
                ),
              }}
            />
          ) : (
            <FormattedMessage id="packets.title" defaultMessage="Package evidence" />
          )}
        </h1>
      </header>
      {built ? (
        <>
          <PacketResult
            built={built}
            encryption={values.encryption}
            agency={values.agency}
            reference={values.reference}
          />
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={back}>
              <FormattedMessage id="packets.back" defaultMessage="Back to the case" />{' '}
              <Kbd spec="Escape" />
            </button>
          </div>
        </>
      ) : (
        <div className="package-layout">
          <div className="package-main">
            <form
              ref={formRef}
              className="form"
              onSubmit={onSubmit}
              noValidate
              data-testid="package-form"
            >
              <fieldset className="fieldset">
                <legend className="fieldset-legend">
                  <FormattedMessage id="packets.items" defaultMessage="Items" />
                </legend>
                {(['selection', 'filter', 'case'] as const)
                  .filter((source) => source !== 'filter' || filtered)
                  .map((source) => (
                    <label key={source} className="check check-compact">
                      <input
                        type="radio"
                        name="source"
                        value={source}
                        checked={values.source === source}
                        disabled={counts[source] === 0}
                        onChange={() => set('source', source)}
                        data-testid={`source-${source}`}
                      />
                      <span>
                        {source === 'selection' &&
                          (counts.selection > 0
                            ? t(
                                {
                                  id: 'packets.source.selection',
                                  defaultMessage: 'The selected items ({count, number})',
                                },
                                { count: counts.selection },
                              )
                            : t({
                                id: 'packets.source.selectionNone',
                                defaultMessage:
                                  'The selected items (none: select in the grid with x)',
                              }))}
                        {source === 'filter' &&
                          t(
                            {
                              id: 'packets.source.filter',
                              defaultMessage:
                                'The items the grid’s search and filters show ({count, number})',
                            },
                            { count: counts.filter },
                          )}
                        {source === 'case' &&
                          t(
                            {
                              id: 'packets.source.case',
                              defaultMessage:
                                'Every item in the case ({count, plural, one {# item} other {# items}})',
                            },
                            { count: counts.case },
                          )}
                      </span>
                    </label>
                  ))}
              </fieldset>
              <PacketOptions values={values} errors={errors} set={set} />
              {buildError && (
                <Notice tone="warning" role="alert" testId="package-error">
                  {buildError}
                </Notice>
              )}
              {building && (
                <div className="packet-progress" data-testid="packet-progress">
                  <progress
                    className="progress"
                    max={100}
                    value={Math.round(progressShare(progress) * 100)}
                    aria-label={t({ id: 'packets.progress', defaultMessage: 'Packet progress' })}
                  />
                  <p role="status" className="muted">
                    {progress
                      ? t(phaseWords[progress.phase])
                      : t({ id: 'packets.phase.starting', defaultMessage: 'Starting…' })}
                  </p>
                </div>
              )}
              <div className="form-actions">
                <button type="button" className="button" onClick={back} disabled={building}>
                  <FormattedMessage id="common.cancel" defaultMessage="Cancel" />{' '}
                  <Kbd spec="Escape" />
                </button>
                <button
                  type="submit"
                  className="button button-primary"
                  data-testid="build-packet"
                  aria-disabled={building || items === null || undefined}
                >
                  {building
                    ? t({ id: 'packets.building', defaultMessage: 'Building the packet…' })
                    : t({ id: 'packets.build', defaultMessage: 'Build the packet' })}{' '}
                  <Kbd spec="Ctrl+Enter" />
                </button>
              </div>
            </form>
            <ExportChoices
              caseId={caseId}
              itemIds={
                !items || items.length === 0
                  ? null
                  : values.source === 'case'
                    ? undefined
                    : items.map((i) => i.id)
              }
              recipient={values.agency}
            />
          </div>
          <aside className="package-side">
            <PacketSummary items={items} />
            <section className="packet-key" aria-labelledby="key-title">
              <h2 id="key-title" className="section-title">
                <FormattedMessage
                  id="packets.key.title"
                  defaultMessage="This workstation’s signing key"
                />
              </h2>
              <p className="muted">
                <FormattedMessage
                  id="packets.key.lead"
                  defaultMessage="Every packet is signed with it. The recipient pins this fingerprint to know the packet came from here, unchanged."
                />
              </p>
              {key ? (
                <code
                  className="hash-value fingerprint"
                  dir="ltr"
                  data-testid="key-fingerprint"
                  data-fingerprint={key.fingerprint}
                >
                  {groupFingerprint(key.fingerprint)}
                </code>
              ) : (
                <p className="muted">
                  <FormattedMessage id="packets.key.reading" defaultMessage="Reading the key…" />
                </p>
              )}
            </section>
          </aside>
        </div>
      )}
    </section>
  );
}
