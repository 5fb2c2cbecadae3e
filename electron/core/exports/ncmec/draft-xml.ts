// The CyberTipline report draft: report.xml and one fileDetails document per file, each element
// where the Reporting API's xs:sequence puts it. The field tables this follows, with what Custody
// writes into each field and why, are in docs/formats/cybertipline.md.
import type { ReporterProfile } from '../../../../shared/domain/reporter.ts';
import type { IpCapture, ReportedAccount } from '../../../../shared/domain/case.ts';
import {
  fileAnnotations,
  isIndustryClassification,
  reportAnnotations,
  type IncidentType,
} from '../../../../shared/domain/cybertipline.ts';
import { labelIn, viewedBeyondVeil, type ExportCase, type ExportItem } from '../export-case.ts';
import { el, xmlDocument, type XmlElement } from './xml.ts';

/** NCMEC assigns the report id at submission; until then the draft says 0 (docs: placeholders). */
export const PLACEHOLDER_REPORT_ID = '0';

const ROOT_ATTRS = {
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:noNamespaceSchemaLocation': 'https://report.cybertip.org/ispws/xsd',
};

export interface DraftOptions {
  incidentType: IncidentType;
  reporter: ReporterProfile;
}

function incidentDateTime(data: ExportCase): { at: string; description: string | null } {
  const c = data.case;
  if (c.incidentAt) return { at: c.incidentAt, description: null };
  const seen = c.incidents.flatMap((i) => (i.at ? [i.at] : [])).sort()[0];
  if (seen) return { at: seen, description: 'The earliest time the incident was seen.' };
  return {
    at: c.createdAt,
    description: 'The incident time is not known; this is when the case was opened.',
  };
}

function incidentSummary(data: ExportCase, o: DraftOptions): XmlElement | null {
  const tags = new Set(data.items.flatMap((x) => x.extras.tags));
  const annotations = reportAnnotations.filter((a) => tags.has(a));
  const when = incidentDateTime(data);
  return el('incidentSummary', [
    el('incidentType', o.incidentType),
    data.case.emergency
      ? el(
          'escalateToHighPriority',
          'The reporting organisation marked this case as an emergency: a child may be at immediate risk.',
        )
      : null,
    annotations.length
      ? el(
          'reportAnnotations',
          annotations.map((a) => el(a, [])),
        )
      : null,
    el('incidentDateTime', when.at),
    el('incidentDateTimeDescription', when.description),
  ]);
}

const seenAt = (at: string | undefined) => (at ? `Seen at ${at}.` : null);

function internetDetails(data: ExportCase): (XmlElement | null)[] {
  return data.case.incidents.map((i) => {
    const body =
      i.kind === 'web-page'
        ? el('webPageIncident', [el('url', i.value), el('additionalInfo', seenAt(i.at))])
        : i.kind === 'email'
          ? el('emailIncident', [el('emailAddress', i.value), el('additionalInfo', seenAt(i.at))])
          : el('chatImIncident', [el('chatClient', i.value), el('additionalInfo', seenAt(i.at))]);
    return el('internetDetails', [body]);
  });
}

/** "Given Family" → first and last name at the last space; one word is a first name. */
function splitName(name: string): { first: string; last: string | null } {
  const at = name.trim().lastIndexOf(' ');
  return at < 0
    ? { first: name.trim(), last: null }
    : { first: name.slice(0, at).trim(), last: name.slice(at + 1).trim() };
}

function reporter(p: ReporterProfile): XmlElement | null {
  const name = splitName(p.contactName);
  return el('reporter', [
    el('reportingPerson', [
      el('firstName', name.first),
      el('lastName', name.last),
      el('phone', p.phone),
      el('email', p.email),
    ]),
    el('companyTemplate', `Reported by ${p.organisation}.`),
    el('termsOfService', p.termsOfServiceUrl),
    el('legalUrl', p.legalUrl),
  ]);
}

function ipCaptureEvent(c: IpCapture): XmlElement | null {
  return el('ipCaptureEvent', [
    el('ipAddress', c.ipAddress),
    el('eventName', c.eventName),
    el('dateTime', c.at),
    el('possibleProxy', c.possibleProxy),
    el('port', c.port),
  ]);
}

function describeAccount(a: ReportedAccount): string {
  return [
    a.screenName && `screen name ${a.screenName}`,
    a.displayName && `display name ${a.displayName}`,
    a.profileUrl && `profile ${a.profileUrl}`,
    a.espIdentifier && `service id ${a.espIdentifier}`,
    ...a.ipCaptures.map((c) => `IP ${c.ipAddress}${c.at ? ` at ${c.at}` : ''}`),
  ]
    .filter(Boolean)
    .join(', ');
}

/** The schema has one reported person; further accounts are named in its additionalInfo. */
function personOrUserReported(accounts: readonly ReportedAccount[]): XmlElement | null {
  const [a, ...others] = accounts;
  if (!a) return null;
  return el('personOrUserReported', [
    el('espIdentifier', a.espIdentifier),
    el('screenName', a.screenName),
    el('displayName', a.displayName),
    el('profileUrl', a.profileUrl),
    ...a.ipCaptures.map(ipCaptureEvent),
    others.length
      ? el('additionalInfo', `Also reported: ${others.map(describeAccount).join('; ')}.`)
      : null,
  ]);
}

export function reportXml(data: ExportCase, o: DraftOptions): string {
  return xmlDocument({
    name: 'report',
    attrs: ROOT_ATTRS,
    content: [
      incidentSummary(data, o),
      ...internetDetails(data),
      reporter(o.reporter),
      personOrUserReported(data.case.reportedAccounts),
      el('additionalInfo', `Prepared offline with Custody from case ${data.case.id}.`),
    ],
  });
}

/** The item's industry label, only if it is one the API accepts; anything else is left out. */
export function industryClassification(x: ExportItem): string | null {
  const code = labelIn(x, 'industry')?.code;
  return code !== undefined && isIndustryClassification(code) ? code : null;
}

/** EXIF shown to a reviewer: the item view shows it beside the picture once the item was opened. */
function exifViewed(x: ExportItem): boolean | null {
  const m = x.item.metadata;
  const hasExif = !!m && (m.make || m.model || m.capturedAt || m.gps);
  if (!hasExif) return false;
  return x.history.some((e) => e.action === 'item.unveiled') ? true : null;
}

export function fileDetailsXml(x: ExportItem, ids: { reportId: string; fileId: string }): string {
  const { item } = x;
  const tags = new Set(x.extras.tags);
  const annotations = fileAnnotations.filter((a) => tags.has(a));
  const hashes: [string, string | null][] = [
    ['MD5', item.md5],
    ['SHA1', item.sha1],
    ['SHA256', item.sha256],
    ['PDQ', item.pdq],
  ];
  return xmlDocument({
    name: 'fileDetails',
    attrs: ROOT_ATTRS,
    content: [
      el('reportId', ids.reportId),
      el('fileId', ids.fileId),
      el('originalFileName', item.originalName),
      el('fileViewedByEsp', viewedBeyondVeil(x)),
      el('exifViewedByEsp', exifViewed(x)),
      el('fileRelevance', 'Reported'),
      annotations.length
        ? el(
            'fileAnnotations',
            annotations.map((a) => el(a, [])),
          )
        : null,
      el('industryClassification', industryClassification(x)),
      ...hashes.map(([type, value]) =>
        value ? el('originalFileHash', value, { hashType: type }) : null,
      ),
    ],
  });
}
