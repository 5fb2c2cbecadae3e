// The CyberTipline Reporting API's fixed vocabularies, spelled exactly as its schema spells them
// (docs/formats/cybertipline.md). A value outside these lists is never written.

/** `incidentSummary/incidentType`: the API's eight values. */
export const incidentTypes = [
  'Child Pornography (possession, manufacture, and distribution)',
  'Child Sex Trafficking',
  'Child Sex Tourism',
  'Child Sexual Molestation',
  'Misleading Domain Name',
  'Misleading Words or Digital Images on the Internet',
  'Online Enticement of Children for Sexual Acts',
  'Unsolicited Obscene Material Sent to a Child',
] as const;
export type IncidentType = (typeof incidentTypes)[number];

/** `fileDetails/industryClassification`: the industry scheme's four categories. */
export const industryClassifications = ['A1', 'A2', 'B1', 'B2'] as const;
export type IndustryClassification = (typeof industryClassifications)[number];

export const isIndustryClassification = (code: string): code is IndustryClassification =>
  (industryClassifications as readonly string[]).includes(code);

/** `incidentSummary/reportAnnotations`: written when the case carries a tag of the same name. */
export const reportAnnotations = [
  'sextortion',
  'csamSolicitation',
  'minorToMinorInteraction',
  'spam',
] as const;

/** `fileDetails/fileAnnotations`: written when the item carries a tag of the same name. */
export const fileAnnotations = [
  'animeDrawingVirtualHentai',
  'potentialMeme',
  'viral',
  'possibleSelfProduction',
  'physicalHarm',
  'violenceGore',
  'bestiality',
  'liveStreaming',
  'infant',
  'generativeAi',
] as const;
