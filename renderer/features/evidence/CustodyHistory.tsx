// The item's custody entries, oldest first, in words: what happened, when, and by whom.
import type { CustodyEntry } from './item-view.store.ts';
import { formatDateTime } from '../../base/i18n.ts';
import { useTriage } from '../triage/triage.store.ts';

type Details = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const steps: Record<string, string> = {
  veiled: 'veiled',
  outline: 'outline',
  grey: 'greyscale',
  plain: 'colour',
};
const step = (v: unknown) => steps[text(v)] ?? text(v);

/** One entry as a sentence; unknown actions show their own name. */
export function describeEntry(
  action: string,
  details: Details,
  categoryLabel: (code: string) => string = (code) => code,
): string {
  switch (action) {
    case 'item.ingested':
      return `Ingested from ${text(details['source'])}`;
    case 'item.acquired-again':
      return `The same bytes arrived again, from ${text(details['source'])}`;
    case 'item.unveiled':
      return `Unveiled to ${step(details['step'])} for up to ${text(details['seconds'])} s${
        details['reason'] ? `: “${text(details['reason'])}”` : ''
      }`;
    case 'item.veiled':
      return `Veiled again after ${text(details['seconds'])} s (reached ${step(details['highest'])})`;
    case 'item.categorised':
      if ('severity' in details) {
        return details['severity'] === null
          ? 'Severity cleared'
          : `Severity set to ${text(details['severity'])}`;
      }
      return details['category'] === null
        ? 'Category cleared'
        : `Categorised as ${categoryLabel(text(details['category']))}`;
    case 'item.annotated':
      if ('tagAdded' in details) return `Tagged “${text(details['tagAdded'])}”`;
      if ('tagRemoved' in details) return `Tag “${text(details['tagRemoved'])}” removed`;
      return 'Note added';
    default:
      return action;
  }
}

export function CustodyHistory({ entries }: { entries: readonly CustodyEntry[] | null }) {
  const categories = useTriage((s) => s.categories);
  const label = (code: string) => categories.find((c) => c.code === code)?.label ?? code;
  return (
    <section className="custody" aria-labelledby="custody-title">
      <h2 id="custody-title" className="section-title">
        Custody history
      </h2>
      {entries === null ? (
        <p className="muted">Reading the custody log…</p>
      ) : (
        <ol className="custody-list" data-testid="custody-history">
          {entries.map((e) => (
            <li key={e.seq} className="custody-entry">
              <span className="custody-when">{formatDateTime(e.at)}</span>
              <span className="custody-what">
                <bdi dir="auto">{describeEntry(e.action, e.details, label)}</bdi>
              </span>
              <span className="custody-who muted">
                {e.actor} · entry {e.seq}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
