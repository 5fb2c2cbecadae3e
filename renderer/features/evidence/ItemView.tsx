// One item: the screen-size image at the step the core has unveiled (veiled by default), the
// ladder to climb one deliberate step at a time, and beside it what the file says about itself,
// its triage, notes and custody history. Moving to another item, or leaving, veils first.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useRoute } from '../../base/route.store.ts';
import { useKeys, useShortcut } from '../../base/use-shortcut.ts';
import { matches } from '../../base/shortcuts.ts';
import { describeError } from '../../base/i18n.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useCases } from '../cases/cases.store.ts';
import { useReveal } from '../reveal/reveal.store.ts';
import { useRevealControl } from '../reveal/use-reveal-control.ts';
import { RevealStepper } from '../reveal/RevealStepper.tsx';
import { ReasonDialog } from '../reveal/ReasonDialog.tsx';
import { stepLabels } from '../reveal/ladder.ts';
import { useTriage } from '../triage/triage.store.ts';
import { readTriageKey } from '../triage/triage-keys.ts';
import { runTriageCommand } from '../triage/triage-commands.ts';
import { TriageDialogs } from '../triage/TriageDialogs.tsx';
import { TriagePanel } from '../triage/TriagePanel.tsx';
import { useEvidence } from './evidence.store.ts';
import { listenForVpdq, useItemView } from './item-view.store.ts';
import { Acquisitions, ItemHashes, ItemMetadata, LocationFlag } from './ItemFacts.tsx';
import { ItemNotes } from './ItemNotes.tsx';
import { ItemMatches } from '../hashlists/ItemMatches.tsx';
import { SimilarItems } from '../hashlists/SimilarItems.tsx';
import { CustodyHistory } from './CustodyHistory.tsx';
import { StatusLine } from './StatusLine.tsx';
import { screenPreview } from './previews.ts';
import { panOf, useZoom } from './use-zoom.ts';
import { ZoomBar } from './ZoomBar.tsx';
import './evidence.css';
import './item.css';
import { FileName } from '../../components/FileName.tsx';
import { FileKindIcon } from './FileKindIcon.tsx';
import { TextView } from '../reading/TextView.tsx';
import { TextSide } from '../reading/TextSide.tsx';
import { isWritten } from '../reading/written-kinds.ts';
import { ContactSheet } from '../media/ContactSheet.tsx';
import { frameScreen } from '../media/frame-previews.ts';
import { MediaPlayer } from '../media/MediaPlayer.tsx';

interface ItemViewProps {
  caseId: string;
  itemId: string;
  line?: number | undefined;
}

export function ItemView({ caseId, itemId, line }: ItemViewProps) {
  const item = useItemView((s) => (s.item?.id === itemId ? s.item : null));
  const history = useItemView((s) => (s.itemId === itemId ? s.history : null));
  const error = useItemView((s) => s.error);
  const total = useEvidence((s) => s.total);
  const index = useEvidence((s) => s.items.findIndex((i) => i?.id === itemId));
  const caseTitle = useCases((s) => s.cases.find((c) => c.id === caseId)?.title);
  const caseClosed = useCases((s) => s.cases.find((c) => c.id === caseId)?.status === 'closed');
  const frames = item?.frames ?? [];
  // The still on the stage: a video has no picture of its own, so its first keyframe stands in.
  const [picked, setPicked] = useState<{ itemId: string; idx: number } | null>(null);
  const still =
    picked?.itemId === itemId
      ? picked.idx
      : item?.kind === 'video'
        ? (frames[0]?.idx ?? null)
        : null;
  const revealable =
    item !== null && (item.kind === 'image' || (item.kind === 'video' && still !== null));
  const control = useRevealControl(itemId, revealable, still);
  const pickStill = (idx: number) => {
    if (idx === still) return;
    // Another still starts veiled: whatever the last one showed goes back under the veil first.
    void useReveal.getState().veil();
    setPicked({ itemId, idx });
  };
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const figureRef = useRef<HTMLElement>(null);
  const frame = useCallback(
    () => ({
      width: figureRef.current?.clientWidth ?? 0,
      height: figureRef.current?.clientHeight ?? 0,
    }),
    [],
  );
  const zoom = useZoom(frame);
  // Only an image the core has unveiled can be zoomed; a veiling puts it back whole.
  const canZoom = revealable && control.shown !== 'veiled';
  const { reset: resetZoom } = zoom;
  useEffect(() => resetZoom(), [itemId, still, canZoom, resetZoom]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { back, replace } = useRoute.getState();
  const intl = useIntl();
  const t = intl.formatMessage;

  useEffect(() => listenForVpdq(), []);
  useEffect(() => {
    void useItemView.getState().open(itemId);
    void useTriage.getState().loadCategories();
    useTriage.getState().say(null);
    headingRef.current?.focus();
    // Another item, or leaving the view: whatever was unveiled goes back under the veil.
    return () => void useReveal.getState().veil();
  }, [itemId]);

  // The grid's r: reveal the first step once the item is known to be an image.
  const firstStep = useEffectEvent(() => control.stepUp());
  useEffect(() => {
    if (revealable && useReveal.getState().takeFirstStep(itemId)) firstStep();
  }, [revealable, itemId]);

  // Each unveiling and veiling lands in the custody log: show it as it happens.
  useEffect(() => {
    void useItemView.getState().refresh();
  }, [control.shown]);

  const goToIndex = async (target: number) => {
    const evidence = useEvidence.getState();
    if (target < 0 || target >= evidence.total) return;
    await evidence.ensureRange(target, target);
    const next = useEvidence.getState().items[target];
    if (!next) return;
    useEvidence.getState().focus(target);
    replace({ name: 'item', caseId, itemId: next.id });
  };

  useShortcut('back', back);
  useKeys((event) => {
    const triage = useTriage.getState();
    const ids = [itemId];
    if (triage.severityPending) {
      const cmd = readTriageKey(event, true);
      void runTriageCommand(cmd ?? { kind: 'cancel-severity-mode' }, ids, { caseClosed });
      if (cmd?.kind === 'severity' || event.key === 'Escape') return true;
    }
    if (canZoom && matches('zoomIn', event)) {
      zoom.zoomIn();
      return true;
    }
    if (canZoom && matches('zoomOut', event)) {
      zoom.zoomOut();
      return true;
    }
    if (zoom.zoomed && matches('zoomReset', event)) {
      zoom.reset();
      return true;
    }
    const pan = zoom.zoomed && matches('pan', event) ? panOf(event.key) : null;
    if (pan) {
      zoom.panBy(...pan);
      return true;
    }
    const step = matches('itemNext', event) ? 1 : matches('itemPrevious', event) ? -1 : 0;
    if (step !== 0) {
      void goToIndex(index + step);
      return true;
    }
    if (matches('revealStep', event)) {
      control.stepUp();
      return true;
    }
    if (matches('veil', event)) {
      control.veil();
      return true;
    }
    const cmd = readTriageKey(event, false);
    if (!cmd) return false;
    void runTriageCommand(cmd, ids, { caseClosed, note: () => noteRef.current?.focus() });
    return true;
  });

  const name = item?.originalName ?? '';
  return (
    <article
      className="page page-wide item-page"
      aria-labelledby="item-title"
      data-testid="item-view"
    >
      <nav className="item-nav" aria-label={t({ id: 'item.nav', defaultMessage: 'Item' })}>
        <button type="button" className="button-link back-link" onClick={back}>
          {caseTitle ? (
            <FormattedMessage
              id="item.backToCase"
              defaultMessage="← Evidence of {case}"
              values={{ case: <bdi dir="auto">{caseTitle}</bdi> }}
            />
          ) : (
            <FormattedMessage id="item.back" defaultMessage="← Evidence" />
          )}
        </button>
        <span className="muted" data-testid="item-position">
          {index >= 0
            ? t(
                { id: 'item.position', defaultMessage: 'Item {n, number} of {total, number}' },
                { n: index + 1, total },
              )
            : ''}
        </span>
        <span className="item-nav-buttons">
          <button
            type="button"
            className="button"
            disabled={index <= 0}
            onClick={() => void goToIndex(index - 1)}
          >
            <FormattedMessage id="item.previous" defaultMessage="Previous" /> <Kbd spec="k" />
          </button>
          <button
            type="button"
            className="button"
            disabled={index < 0 || index >= total - 1}
            onClick={() => void goToIndex(index + 1)}
          >
            <FormattedMessage id="item.next" defaultMessage="Next" /> <Kbd spec="j" />
          </button>
        </span>
      </nav>
      <h1 id="item-title" className="page-title item-title" tabIndex={-1} ref={headingRef}>
        <FileName name={name} testId="item-name" />
      </h1>
      {error && (
        <Notice tone="warning" role="alert">
          {describeError(intl, error)}
        </Notice>
      )}
      {item?.tags.includes('escalated') && (
        <Notice tone="warning" testId="escalated-banner">
          <FormattedMessage
            id="item.escalated"
            defaultMessage="<strong>Escalated.</strong> Severity {severity} and the tag “escalated”. Package it for the agency from the case with {key}."
            values={{
              strong: (chunks) => <strong>{chunks}</strong>,
              severity: item.severity ?? 5,
              key: <Kbd spec="p" />,
            }}
          />
        </Notice>
      )}
      {item && <LocationFlag item={item} />}
      <div className="item-layout">
        <div className="item-stage">
          {item && isWritten(item.kind) ? (
            <TextView
              caseId={caseId}
              itemId={itemId}
              line={line}
              onQuoted={() => void useItemView.getState().refresh()}
            />
          ) : (
            <figure
              ref={figureRef}
              className={`item-figure${zoom.zoomed ? ' item-figure-zoomed' : ''}`}
              data-step={control.shown}
              onPointerMove={(event) => {
                if (zoom.zoomed && event.buttons === 1)
                  zoom.panBy(event.movementX, event.movementY);
              }}
            >
              {item?.kind === 'opaque' ? (
                <FileKindIcon mime={item.mime} name={item.originalName} />
              ) : (
                <img
                  src={
                    still === null
                      ? screenPreview(itemId, revealable ? control.shown : 'veiled')
                      : frameScreen(itemId, still, control.shown)
                  }
                  alt={
                    revealable
                      ? t(
                          { id: 'item.image.alt', defaultMessage: '{step} preview of the item' },
                          { step: t(stepLabels[control.shown]) },
                        )
                      : t({
                          id: 'item.image.none',
                          defaultMessage: 'A plain tile: this file has no image to show',
                        })
                  }
                  data-testid="item-image"
                  data-step={revealable ? control.shown : 'veiled'}
                  data-frame={still ?? undefined}
                  data-zoom={zoom.zoom.level}
                  style={
                    zoom.zoomed
                      ? {
                          transform: `translate(${zoom.zoom.x}px, ${zoom.zoom.y}px) scale(${zoom.zoom.level})`,
                        }
                      : undefined
                  }
                  draggable={false}
                />
              )}
              {canZoom && <ZoomBar zoom={zoom} />}
            </figure>
          )}
          <StatusLine />
          {item && (item.kind === 'video' || item.kind === 'audio') && (
            <MediaPlayer
              key={itemId}
              itemId={itemId}
              kind={item.kind}
              onLogged={() => void useItemView.getState().refresh()}
            />
          )}
          {frames.length ? (
            <ContactSheet
              itemId={itemId}
              frames={frames}
              selected={still}
              onSelect={pickStill}
              animated={item?.kind === 'image'}
            />
          ) : null}
        </div>
        <aside className="item-side">
          {/* The ladder and its countdown head the side column: in view on a 720-pixel screen. */}
          {item && isWritten(item.kind) ? (
            <TextSide caseId={caseId} itemId={itemId} kind={item.kind} />
          ) : revealable ? (
            <RevealStepper control={control} />
          ) : (
            item &&
            (item.kind === 'video' ? (
              <p className="muted">
                <FormattedMessage
                  id="media.video.veiled"
                  defaultMessage="A video: its keyframes are shown veiled in the storyboard."
                />
              </p>
            ) : (
              <p className="muted">
                <FormattedMessage
                  id="item.opaque"
                  defaultMessage="Custody keeps this file as opaque evidence: there is no image to reveal. Its bytes and hashes go into packets like any other item."
                />
              </p>
            ))
          )}
          {item && <ItemMatches itemId={item.id} />}
          {item && <SimilarItems caseId={caseId} itemId={item.id} />}
          {item && <TriagePanel item={item} />}
          <section aria-labelledby="metadata-title">
            <h2 id="metadata-title" className="section-title">
              <FormattedMessage id="item.section.metadata" defaultMessage="From the file" />
            </h2>
            {item && <ItemMetadata item={item} />}
          </section>
          <section aria-labelledby="hashes-title">
            <h2 id="hashes-title" className="section-title">
              <FormattedMessage id="item.section.hashes" defaultMessage="Hashes" />
            </h2>
            {item && <ItemHashes item={item} />}
          </section>
          <section aria-labelledby="acquired-title">
            <h2 id="acquired-title" className="section-title">
              <FormattedMessage id="item.section.acquisitions" defaultMessage="Acquisitions" />
            </h2>
            {item && <Acquisitions item={item} />}
          </section>
        </aside>
      </div>
      <div className="item-lower">
        <ItemNotes itemId={itemId} notes={item?.notes ?? []} inputRef={noteRef} />
        <CustodyHistory entries={history} />
      </div>
      {control.askingReason && (
        <ReasonDialog
          step={control.askingReason}
          onReason={control.giveReason}
          onCancel={control.cancelReason}
        />
      )}
      <TriageDialogs />
    </article>
  );
}
