// What the file says about itself, beside the veiled image: camera, capture time, location (flagged
// plainly), dimensions, hashes to copy, PDQ, and every acquisition. All of it is text from the
// evidence: shown as text, isolated for right-to-left, never as markup.
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Item } from '../../../shared/domain/item.ts';
import type { VpdqStatus } from '../../../shared/domain/vpdq.ts';
import { formatBytes, formatDuration } from '../../base/i18n.ts';
import { EvidenceDate } from '../../components/EvidenceDate.tsx';
import { cameraName } from '../../../shared/domain/camera-name.ts';
import { Notice } from '../../components/Notice.tsx';

/** The camera's own clock, as recorded (ISO digits, left to right), and its zone if it said one. */
function captureTime(intl: IntlShape, value: string): string {
  const [date, time = ''] = value.split('T');
  const zone = /[+-]\d\d:\d\d$/.exec(time)?.[0];
  const clock = zone ? time.slice(0, -zone.length) : time;
  const when = `${date} ${clock}`;
  return zone
    ? intl.formatMessage(
        { id: 'item.captured.zone', defaultMessage: '{when} (UTC{zone})' },
        { when, zone },
      )
    : intl.formatMessage(
        { id: 'item.captured.noZone', defaultMessage: '{when}, camera clock (zone unknown)' },
        { when },
      );
}

const coordinate = (n: number) => n.toFixed(5);

export function LocationFlag({ item }: { item: Item }) {
  const gps = item.metadata?.gps;
  if (!gps) return null;
  const position =
    gps.latitude !== null && gps.longitude !== null ? (
      <bdi dir="ltr">
        {coordinate(gps.latitude)}, {coordinate(gps.longitude)}
      </bdi>
    ) : null;
  return (
    <Notice tone="warning" testId="location-flag">
      <FormattedMessage
        id="item.location.flag"
        defaultMessage="<strong>Location in evidence.</strong> {hasPosition, select, yes {This file records where it was made: {position}} other {This file records GPS data but no position}}{hasAltitude, select, yes {, {altitude} m altitude} other {}}. It may identify a person or a place: handle it as evidence."
        values={{
          strong: (chunks) => <strong>{chunks}</strong>,
          hasPosition: position ? 'yes' : 'no',
          position,
          hasAltitude: gps.altitude !== null ? 'yes' : 'no',
          altitude: <bdi dir="ltr">{Math.round(gps.altitude ?? 0)}</bdi>,
        }}
      />
    </Notice>
  );
}

export function ItemMetadata({ item }: { item: Item }) {
  const m = item.metadata;
  const camera = m ? cameraName(m.make, m.model) : null;
  const intl = useIntl();
  const t = intl.formatMessage;
  const notRecorded = (
    <span className="muted">
      <FormattedMessage id="item.notRecorded" defaultMessage="Not recorded" />
    </span>
  );
  return (
    <dl className="facts item-facts" data-testid="item-metadata">
      <dt>
        <FormattedMessage id="item.fact.type" defaultMessage="Type" />
      </dt>
      <dd>
        <bdi dir="ltr">
          {item.mime}
          {m?.format ? ` (${m.format})` : ''}
        </bdi>
      </dd>
      <dt>
        <FormattedMessage id="item.fact.size" defaultMessage="Size" />
      </dt>
      <dd>{formatBytes(intl, item.size)}</dd>
      {m && (
        <>
          <dt>
            <FormattedMessage id="item.fact.dimensions" defaultMessage="Dimensions" />
          </dt>
          <dd>
            <FormattedMessage
              id="item.dimensions"
              defaultMessage="{size} px{orientation, plural, =0 {} other {, orientation #}}{frames, plural, =0 {} one {, # frame} other {, # frames}}"
              values={{
                size: <bdi dir="ltr">{`${m.displayWidth} × ${m.displayHeight}`}</bdi>,
                orientation: m.orientation !== null && m.orientation > 1 ? m.orientation : 0,
                frames: m.pages > 1 ? m.pages : 0,
              }}
            />
          </dd>
          <dt>
            <FormattedMessage id="item.fact.camera" defaultMessage="Camera" />
          </dt>
          <dd>{camera ? <bdi dir="auto">{camera}</bdi> : notRecorded}</dd>
          <dt>
            <FormattedMessage id="item.fact.captured" defaultMessage="Captured" />
          </dt>
          <dd>
            {m.capturedAt ? <bdi dir="ltr">{captureTime(intl, m.capturedAt)}</bdi> : notRecorded}
          </dd>
          <dt>
            <FormattedMessage id="item.fact.location" defaultMessage="Location" />
          </dt>
          <dd>
            {m.gps ? (
              <span className="location-yes">
                {m.gps.latitude !== null && m.gps.longitude !== null ? (
                  <FormattedMessage
                    id="item.location.yes"
                    defaultMessage="Yes: {position}"
                    values={{
                      position: (
                        <bdi dir="ltr">{`${coordinate(m.gps.latitude)}, ${coordinate(m.gps.longitude)}`}</bdi>
                      ),
                    }}
                  />
                ) : (
                  <FormattedMessage
                    id="item.location.altitudeOnly"
                    defaultMessage="Yes: altitude {altitude} m only"
                    values={{ altitude: <bdi dir="ltr">{Math.round(m.gps.altitude ?? 0)}</bdi> }}
                  />
                )}
              </span>
            ) : (
              <span className="muted">
                <FormattedMessage id="item.location.none" defaultMessage="None in the file" />
              </span>
            )}
          </dd>
          <dt>
            <FormattedMessage id="item.fact.otherMetadata" defaultMessage="Other metadata" />
          </dt>
          <dd>
            {m.hasXmp || m.hasIptc ? (
              <bdi dir="ltr">
                {intl.formatList([m.hasXmp ? 'XMP' : '', m.hasIptc ? 'IPTC' : ''].filter(Boolean))}
              </bdi>
            ) : (
              <span className="muted">
                <FormattedMessage id="item.none" defaultMessage="None" />
              </span>
            )}
          </dd>
        </>
      )}
      <dt>
        <FormattedMessage id="item.fact.unveiledBefore" defaultMessage="Unveiled before" />
      </dt>
      <dd>
        {item.exposureSeconds > 0
          ? t(
              { id: 'item.unveiledBefore', defaultMessage: '{duration} in all, by anyone' },
              { duration: formatDuration(intl, item.exposureSeconds) },
            )
          : t({ id: 'item.unveiledNever', defaultMessage: 'Never' })}
      </dd>
    </dl>
  );
}

function Hash({ label, value, testId }: { label: string; value: string; testId: string }) {
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const t = useIntl().formatMessage;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(t({ id: 'item.hash.copied', defaultMessage: 'Copied.' }));
    } catch {
      // Clipboard access can be refused (the app denies permissions): select it for Ctrl+C.
      if (ref.current) window.getSelection()?.selectAllChildren(ref.current);
      setCopied(t({ id: 'item.hash.selected', defaultMessage: 'Selected: press Ctrl+C to copy.' }));
    }
  };
  return (
    <>
      <dt>{label}</dt>
      <dd className="hash">
        <code ref={ref} className="hash-value" dir="ltr" data-testid={testId}>
          {value}
        </code>
        <button type="button" className="button-link" onClick={() => void copy()}>
          <FormattedMessage
            id="item.hash.copy"
            defaultMessage="Copy<hidden> {hash}</hidden>"
            values={{
              hash: label,
              hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
            }}
          />
        </button>
        {copied && (
          <span className="muted hash-copied" role="status">
            {copied}
          </span>
        )}
      </dd>
    </>
  );
}

export function ItemHashes({ item }: { item: Item }) {
  return (
    <dl className="facts hashes" data-testid="item-hashes">
      <Hash label="SHA-256" value={item.sha256} testId="hash-sha256" />
      <Hash label="SHA-1" value={item.sha1} testId="hash-sha1" />
      <Hash label="MD5" value={item.md5} testId="hash-md5" />
      <dt>PDQ</dt>
      <dd className="hash">
        {item.pdq ? (
          <>
            <code className="hash-value" dir="ltr">
              {item.pdq}
            </code>
            <span className="muted">
              {item.pdqQuality === null ? (
                <FormattedMessage id="item.pdq.qualityUnknown" defaultMessage="quality unknown" />
              ) : (
                <FormattedMessage
                  id="item.pdq.quality"
                  defaultMessage="quality {quality, number} of 100{flat, select, yes {: too flat to match reliably} other {}}"
                  values={{ quality: item.pdqQuality, flat: item.pdqQuality < 50 ? 'yes' : 'no' }}
                />
              )}
            </span>
          </>
        ) : (
          <span className="muted">
            <FormattedMessage
              id="item.pdq.none"
              defaultMessage="None (not an image Custody could read)"
            />
          </span>
        )}
      </dd>
      {item.vpdq && <VpdqProgress status={item.vpdq} />}
    </dl>
  );
}

/** A video's frames hashed one a second in the background (vPDQ), as far as the pass has got. */
function VpdqProgress({ status }: { status: VpdqStatus }) {
  return (
    <>
      <dt>vPDQ</dt>
      <dd data-testid="item-vpdq" data-state={status.state}>
        <FormattedMessage
          id="item.vpdq.status"
          defaultMessage="{state, select, waiting {Waiting for an idle machine} hashing {Hashing} done {Done} other {Stopped}}: one frame a second, {hashed, number} of {duration, number} s read, {frames, number} hashed"
          values={{
            state: status.state,
            hashed: Math.floor(status.hashedSeconds),
            duration: Math.round(status.durationSeconds ?? 0),
            frames: status.frames,
          }}
        />
      </dd>
    </>
  );
}

export function Acquisitions({ item }: { item: Item }) {
  return (
    <ol className="acquisitions" data-testid="item-acquisitions">
      {item.acquisitions.map((a, i) => (
        <li key={`${a.acquiredAt}-${i}`}>
          <span className="acquisition-path">
            <bdi dir="ltr">{a.sourcePath}</bdi>
          </span>
          <span className="muted">
            {i === 0 ? (
              <FormattedMessage
                id="item.acquired.first"
                defaultMessage="First acquired {date}"
                values={{ date: <EvidenceDate iso={a.acquiredAt} /> }}
              />
            ) : (
              <FormattedMessage
                id="item.acquired.again"
                defaultMessage="Acquired again {date}"
                values={{ date: <EvidenceDate iso={a.acquiredAt} /> }}
              />
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
