// Written evidence as text, never as markup: each line a paragraph of its own direction, numbered,
// searchable (Ctrl/Cmd+F or / while reading), and quotable into a note that keeps the line
// numbers, so the report can cite them. Links are shown as text: nothing here is clickable or
// fetched.
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Notice } from '../../components/Notice.tsx';
import { describeError } from '../../base/i18n.ts';
import { followTextGate, useReading } from './reading.store.ts';
import { TextGatePanel } from './TextGatePanel.tsx';
import { findInLines, markedPieces } from './find-in-text.ts';
import './reading.css';

interface TextViewProps {
  caseId: string;
  itemId: string;
  /** The line to open at (1-based), from a search hit or a timeline entry. */
  line?: number | undefined;
  onQuoted?: () => void;
}

interface Selection {
  from: number;
  to: number;
}

export function TextView({ caseId, itemId, line, onQuoted }: TextViewProps) {
  const text = useReading((s) => (s.itemId === itemId ? s.text : null));
  const error = useReading((s) => s.error);
  const gate = useReading((s) => (s.itemId === itemId ? s.gate : null));
  const intl = useIntl();
  const t = intl.formatMessage;
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [selection, setSelection] = useState<Selection | null>(
    line ? { from: line, to: line } : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useReading.getState().open(caseId, itemId);
  }, [caseId, itemId]);
  useEffect(() => followTextGate(), []);

  const lines = useMemo(() => (text ? text.text.split('\n') : []), [text]);
  const found = useMemo(() => findInLines(lines, query, intl.locale), [lines, query, intl.locale]);
  const focusLine = found[current]?.line ?? (line ? line - 1 : null);

  useEffect(() => {
    if (focusLine === null) return;
    rootRef.current
      ?.querySelector(`[data-line="${focusLine + 1}"]`)
      ?.scrollIntoView({ block: 'center' });
  }, [focusLine, text]);

  // Ctrl/Cmd+F, or / while the text view has focus, goes to the find field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      const inView = rootRef.current?.contains(event.target as Node) ?? false;
      const find = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      if (find || (event.key === '/' && inView && !typing)) {
        event.preventDefault();
        event.stopPropagation();
        findRef.current?.focus();
        findRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const pick = (n: number, event: MouseEvent) =>
    setSelection((s) =>
      event.shiftKey && s
        ? { from: Math.min(s.from, n), to: Math.max(s.to, n) }
        : { from: n, to: n },
    );
  const chosen = selection ? lines.slice(selection.from - 1, selection.to) : [];

  const quote = async () => {
    if (!selection) return;
    const body = t(
      {
        id: 'reading.quote.body',
        defaultMessage: '{count, plural, one {line {from}} other {lines {from}–{to}}}: “{quote}”',
      },
      {
        count: selection.to - selection.from + 1,
        from: selection.from,
        to: selection.to,
        quote: chosen.join('\n'),
      },
    );
    const outcome = await useReading.getState().quote(itemId, body);
    setNotice(
      outcome.ok
        ? t({ id: 'reading.quote.done', defaultMessage: 'Quoted into a note.' })
        : describeError(intl, outcome.error),
    );
    if (outcome.ok) onQuoted?.();
  };

  const copy = () => {
    void navigator.clipboard?.writeText(chosen.join('\n')).then(
      () => setNotice(t({ id: 'reading.copy.done', defaultMessage: 'Copied.' })),
      () => setNotice(t({ id: 'reading.copy.failed', defaultMessage: 'Copying was refused.' })),
    );
  };

  const step = (by: number) =>
    found.length > 0 && setCurrent((c) => (c + by + found.length) % found.length);

  if (gate && !gate.open && gate.gatedBy !== null)
    return (
      <div className="text-view" ref={rootRef} data-testid="text-view">
        <TextGatePanel
          kind={gate.gatedBy}
          onShow={() => void useReading.getState().reveal(caseId, itemId)}
        />
        {error && (
          <Notice tone="warning" role="alert">
            {describeError(intl, error)}
          </Notice>
        )}
      </div>
    );

  return (
    <div className="text-view" ref={rootRef} data-testid="text-view">
      <div
        className="text-toolbar"
        role="toolbar"
        aria-label={t({ id: 'reading.toolbar', defaultMessage: 'Reading' })}
      >
        <label htmlFor="text-find" className="visually-hidden">
          <FormattedMessage id="reading.find" defaultMessage="Find in the document" />
        </label>
        <input
          id="text-find"
          ref={findRef}
          type="search"
          className="input"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          placeholder={t({ id: 'reading.find', defaultMessage: 'Find in the document' })}
          aria-keyshortcuts="Control+F Meta+F /"
          value={query}
          data-testid="text-find"
          onChange={(event) => {
            setQuery(event.target.value);
            setCurrent(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              setQuery('');
              rootRef.current?.focus();
            }
          }}
        />
        <span className="muted" role="status" data-testid="text-find-count">
          {query.trim() !== '' &&
            t(
              {
                id: 'reading.find.count',
                defaultMessage:
                  '{total, plural, =0 {No match} one {# match} other {{n, number} of # matches}}',
              },
              { total: found.length, n: current + 1 },
            )}
        </span>
        <button
          type="button"
          className="button"
          disabled={!selection}
          onClick={copy}
          data-testid="text-copy"
        >
          <FormattedMessage id="reading.copy" defaultMessage="Copy lines" />
        </button>
        <button
          type="button"
          className="button"
          disabled={!selection}
          onClick={() => void quote()}
          data-testid="text-quote"
        >
          <FormattedMessage id="reading.quote" defaultMessage="Quote into note" />
        </button>
      </div>
      {selection && (
        <p className="muted text-selection" data-testid="text-selection">
          <FormattedMessage
            id="reading.selection"
            defaultMessage="{count, plural, one {Line {from} chosen} other {Lines {from}–{to} chosen}}. Shift-click a line number to extend."
            values={{
              count: selection.to - selection.from + 1,
              from: selection.from,
              to: selection.to,
            }}
          />
        </p>
      )}
      {notice && <Notice tone="info">{notice}</Notice>}
      {error && (
        <Notice tone="warning" role="alert">
          {describeError(intl, error)}
        </Notice>
      )}
      <ol
        className="text-lines"
        tabIndex={0}
        aria-label={t({ id: 'reading.text', defaultMessage: 'Text of the item' })}
        data-testid="text-lines"
      >
        {lines.map((content, i) => {
          const n = i + 1;
          const onLine = found.filter((f) => f.line === i);
          const chosenLine = selection !== null && n >= selection.from && n <= selection.to;
          return (
            <li
              key={i}
              className={`text-line${chosenLine ? ' text-line-chosen' : ''}`}
              data-line={n}
            >
              <button
                type="button"
                className="text-line-number"
                aria-label={t({ id: 'reading.line', defaultMessage: 'Line {n, number}' }, { n })}
                aria-pressed={chosenLine}
                onClick={(event) => pick(n, event)}
              >
                {n}
              </button>
              <p dir="auto" className="text-line-body">
                {content === ''
                  ? '\u00a0'
                  : markedPieces(content, onLine).map((piece, k) =>
                      piece.marked ? (
                        <mark
                          key={k}
                          className={
                            found.indexOf(onLine[piece.index]!) === current
                              ? 'text-current'
                              : undefined
                          }
                        >
                          {piece.text}
                        </mark>
                      ) : (
                        piece.text
                      ),
                    )}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
