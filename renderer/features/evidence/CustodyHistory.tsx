// The item's custody entries, oldest first, in words: what happened, when (ISO 8601 in UTC, as the
// log and packets record it, in every language), and by whom.
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { stepWords } from '../reveal/ladder.ts';
import type { CustodyEntry } from './item-view.store.ts';
import { categoryLabel } from '../../base/domain-labels.ts';
import { useTriage } from '../triage/triage.store.ts';

type Details = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
function step(intl: IntlShape, v: unknown): string {
  const key = text(v);
  return key in stepWords ? intl.formatMessage(stepWords[key as keyof typeof stepWords]) : key;
}

/** One entry as a sentence; unknown actions show their own name. */
export function describeEntry(
  intl: IntlShape,
  action: string,
  details: Details,
  label: (code: string) => string = (code) => code,
): string {
  const t = intl.formatMessage;
  const seconds = Number(details['seconds'] ?? 0);
  switch (action) {
    case 'item.ingested':
      return t(
        { id: 'custody.ingested', defaultMessage: 'Ingested from {source}' },
        { source: text(details['source']) },
      );
    case 'item.acquired-again':
      return t(
        {
          id: 'custody.acquiredAgain',
          defaultMessage: 'The same bytes arrived again, from {source}',
        },
        { source: text(details['source']) },
      );
    case 'item.unveiled':
      return details['reason']
        ? t(
            {
              id: 'custody.unveiledWithReason',
              defaultMessage: 'Unveiled to {step} for up to {seconds, number} s: “{reason}”',
            },
            { step: step(intl, details['step']), seconds, reason: text(details['reason']) },
          )
        : t(
            {
              id: 'custody.unveiled',
              defaultMessage: 'Unveiled to {step} for up to {seconds, number} s',
            },
            { step: step(intl, details['step']), seconds },
          );
    case 'item.veiled':
      return t(
        {
          id: 'custody.veiled',
          defaultMessage: 'Veiled again after {seconds, number} s (reached {step})',
        },
        { seconds, step: step(intl, details['highest']) },
      );
    case 'item.text-revealed':
      return t({ id: 'custody.textRevealed', defaultMessage: 'Text shown past its step' });
    case 'item.text-closed':
      return t(
        { id: 'custody.textClosed', defaultMessage: 'Text closed after {seconds, number} s' },
        { seconds },
      );
    case 'item.played':
      return details['reason']
        ? t(
            {
              id: 'custody.playedWithReason',
              defaultMessage:
                'Played for {seconds, number} s{unmuted, select, yes {, with sound} other {, muted}}: “{reason}”',
            },
            {
              seconds,
              unmuted: details['unmuted'] === true ? 'yes' : 'no',
              reason: text(details['reason']),
            },
          )
        : t(
            {
              id: 'custody.played',
              defaultMessage:
                'Played for {seconds, number} s{unmuted, select, yes {, with sound} other {, muted}}',
            },
            { seconds, unmuted: details['unmuted'] === true ? 'yes' : 'no' },
          );
    case 'item.unmuted':
      return t({ id: 'custody.unmuted', defaultMessage: 'Sound turned on during playback' });
    case 'item.frames-hashed':
      return t(
        {
          id: 'custody.framesHashed',
          defaultMessage:
            'One frame a second hashed: {frames, number} frames over {seconds, number} s{failed, select, yes {, then the video could not be read further} other {}}',
        },
        {
          frames: Number(details['frames'] ?? 0),
          seconds: Number(details['seconds'] ?? 0),
          failed: details['failed'] ? 'yes' : 'no',
        },
      );
    case 'item.categorised':
      if ('severity' in details) {
        return details['severity'] === null
          ? t({ id: 'custody.severityCleared', defaultMessage: 'Severity cleared' })
          : t(
              { id: 'custody.severitySet', defaultMessage: 'Severity set to {severity}' },
              { severity: text(details['severity']) },
            );
      }
      return details['category'] === null
        ? t({ id: 'custody.categoryCleared', defaultMessage: 'Category cleared' })
        : t(
            { id: 'custody.categorised', defaultMessage: 'Categorised as {category}' },
            { category: label(text(details['category'])) },
          );
    case 'item.labelled':
      return details['previous']
        ? t(
            { id: 'custody.relabelled', defaultMessage: 'Label {previous} replaced by {category}' },
            { previous: text(details['previous']), category: text(details['category']) },
          )
        : t(
            { id: 'custody.labelled', defaultMessage: 'Labelled {category}' },
            { category: text(details['category']) },
          );
    case 'match.confirmed':
    case 'match.rejected':
      return t(
        {
          id: 'custody.matchReviewed',
          defaultMessage:
            '{verdict, select, confirmed {Hash-list match confirmed} other {Hash-list match rejected}} ({hashType}{distance, select, none {} other {, distance {distance}}})',
        },
        {
          verdict: action === 'match.confirmed' ? 'confirmed' : 'rejected',
          hashType: text(details['hashType']),
          distance:
            typeof details['distance'] === 'number' && details['hashType'] === 'pdq'
              ? String(details['distance'])
              : 'none',
        },
      );
    case 'item.annotated':
      if ('tagAdded' in details)
        return t(
          { id: 'custody.tagged', defaultMessage: 'Tagged “{tag}”' },
          { tag: text(details['tagAdded']) },
        );
      if ('tagRemoved' in details)
        return t(
          { id: 'custody.tagRemoved', defaultMessage: 'Tag “{tag}” removed' },
          { tag: text(details['tagRemoved']) },
        );
      return t({ id: 'custody.noteAdded', defaultMessage: 'Note added' });
    default:
      return action;
  }
}

/** ISO 8601 in UTC to the second: 2026-12-01T10:05:30Z. */
export const isoSecond = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function CustodyHistory({ entries }: { entries: readonly CustodyEntry[] | null }) {
  const intl = useIntl();
  const categories = useTriage((s) => s.categories);
  const label = (code: string) => {
    const known = categories.find((c) => c.code === code);
    return known ? categoryLabel(intl, known) : code;
  };
  return (
    <section className="custody" aria-labelledby="custody-title">
      <h2 id="custody-title" className="section-title">
        <FormattedMessage id="custody.title" defaultMessage="Custody history" />
      </h2>
      {entries === null ? (
        <p className="muted">
          <FormattedMessage id="custody.loading" defaultMessage="Reading the custody log…" />
        </p>
      ) : (
        <ol className="custody-list" data-testid="custody-history">
          {entries.map((e) => (
            <li key={e.seq} className="custody-entry">
              <time className="custody-when mono" dir="ltr" dateTime={e.at}>
                {isoSecond(e.at)}
              </time>
              <span className="custody-what">
                <bdi dir="auto">{describeEntry(intl, e.action, e.details, label)}</bdi>
              </span>
              <span className="custody-who muted">
                <FormattedMessage
                  id="custody.who"
                  defaultMessage="{actor} · entry {seq}"
                  values={{
                    actor: <bdi dir="ltr">{e.actor}</bdi>,
                    seq: <bdi dir="ltr">{e.seq}</bdi>,
                  }}
                />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
