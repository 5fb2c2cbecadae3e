// What the file says about itself, beside the veiled image: camera, capture time, location (flagged
// plainly), dimensions, hashes to copy, PDQ, and every acquisition. All of it is text from the
// evidence: shown as text, isolated for right-to-left, never as markup.
import { useRef, useState } from 'react';
import type { Item } from '../../../shared/domain/item.ts';
import { formatBytes, formatDateTime } from '../../base/i18n.ts';
import { cameraName } from '../../../shared/domain/camera-name.ts';
import { Notice } from '../../components/Notice.tsx';

function captureTime(value: string): string {
  const [date, time = ''] = value.split('T');
  const zone = /[+-]\d\d:\d\d$/.exec(time)?.[0];
  const clock = zone ? time.slice(0, -zone.length) : time;
  return zone ? `${date} ${clock} (UTC${zone})` : `${date} ${clock}, camera clock (zone unknown)`;
}

const coordinate = (n: number) => n.toFixed(5);

export function LocationFlag({ item }: { item: Item }) {
  const gps = item.metadata?.gps;
  if (!gps) return null;
  return (
    <Notice tone="warning" testId="location-flag">
      <strong>Location in evidence.</strong>{' '}
      {gps.latitude !== null && gps.longitude !== null ? (
        <>
          This file records where it was made:{' '}
          <bdi dir="ltr">
            {coordinate(gps.latitude)}, {coordinate(gps.longitude)}
          </bdi>
        </>
      ) : (
        <>This file records GPS data but no position</>
      )}
      {gps.altitude !== null && <>, {Math.round(gps.altitude)} m altitude</>}. It may identify a
      person or a place: handle it as evidence.
    </Notice>
  );
}

export function ItemMetadata({ item }: { item: Item }) {
  const m = item.metadata;
  const camera = m ? cameraName(m.make, m.model) : null;
  return (
    <dl className="facts item-facts" data-testid="item-metadata">
      <dt>Type</dt>
      <dd>
        {item.mime}
        {m?.format ? ` (${m.format})` : ''}
      </dd>
      <dt>Size</dt>
      <dd>{formatBytes(item.size)}</dd>
      {m && (
        <>
          <dt>Dimensions</dt>
          <dd>
            {m.displayWidth} × {m.displayHeight} px
            {m.orientation !== null && m.orientation > 1 ? `, orientation ${m.orientation}` : ''}
            {m.pages > 1 ? `, ${m.pages} frames` : ''}
          </dd>
          <dt>Camera</dt>
          <dd>
            {camera ? <bdi dir="auto">{camera}</bdi> : <span className="muted">Not recorded</span>}
          </dd>
          <dt>Captured</dt>
          <dd>
            {m.capturedAt ? captureTime(m.capturedAt) : <span className="muted">Not recorded</span>}
          </dd>
          <dt>Location</dt>
          <dd>
            {m.gps ? (
              <span className="location-yes">
                Yes:{' '}
                <bdi dir="ltr">
                  {m.gps.latitude !== null && m.gps.longitude !== null
                    ? `${coordinate(m.gps.latitude)}, ${coordinate(m.gps.longitude)}`
                    : `altitude ${Math.round(m.gps.altitude ?? 0)} m only`}
                </bdi>
              </span>
            ) : (
              <span className="muted">None in the file</span>
            )}
          </dd>
          <dt>Other metadata</dt>
          <dd>
            {[m.hasXmp ? 'XMP' : '', m.hasIptc ? 'IPTC' : ''].filter(Boolean).join(', ') || (
              <span className="muted">None</span>
            )}
          </dd>
        </>
      )}
      <dt>Unveiled before</dt>
      <dd>
        {item.exposureSeconds > 0
          ? `${Math.round(item.exposureSeconds)} s in all, by anyone`
          : 'Never'}
      </dd>
    </dl>
  );
}

function Hash({ label, value, testId }: { label: string; value: string; testId: string }) {
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied.');
    } catch {
      // Clipboard access can be refused (the app denies permissions): select it for Ctrl+C.
      if (ref.current) window.getSelection()?.selectAllChildren(ref.current);
      setCopied('Selected: press Ctrl+C to copy.');
    }
  };
  return (
    <>
      <dt>{label}</dt>
      <dd className="hash">
        <code ref={ref} className="hash-value" data-testid={testId}>
          {value}
        </code>
        <button type="button" className="button-link" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {label}</span>
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
            <code className="hash-value">{item.pdq}</code>
            <span className="muted">
              quality {item.pdqQuality ?? '?'} of 100
              {item.pdqQuality !== null && item.pdqQuality < 50
                ? ': too flat to match reliably'
                : ''}
            </span>
          </>
        ) : (
          <span className="muted">None (not an image Custody could read)</span>
        )}
      </dd>
    </dl>
  );
}

export function Acquisitions({ item }: { item: Item }) {
  return (
    <ol className="acquisitions" data-testid="item-acquisitions">
      {item.acquisitions.map((a, i) => (
        <li key={`${a.acquiredAt}-${i}`}>
          <span className="acquisition-path">
            <bdi dir="auto">{a.sourcePath}</bdi>
          </span>
          <span className="muted">
            {i === 0 ? 'First acquired' : 'Acquired again'} {formatDateTime(a.acquiredAt)}
          </span>
        </li>
      ))}
    </ol>
  );
}
