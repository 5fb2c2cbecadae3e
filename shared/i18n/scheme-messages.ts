// The words of the category schemes in the catalogs: each scheme's name, each category's label and
// definition, and the reason and condition of each mapping relation. The English is the data's own
// (shared/domain/category-schemes.ts), which the core stores, logs and sends; these say the same
// in the interface's language. Official codes (A1, CAT-1, US 0) stay codes: a category whose
// label is its code has no label here. scheme-messages.test.ts checks every text has its message.
import type { CategorySchemeId } from '../domain/category-schemes.ts';
import { defineMessages, type CatalogMessage } from './catalog-message.ts';

export const schemeNames: Readonly<Record<CategorySchemeId, CatalogMessage>> = defineMessages({
  custody: { id: 'scheme.custody.name', defaultMessage: 'Custody harms' },
  industry: {
    id: 'scheme.industry.name',
    defaultMessage: 'Industry classification (Tech Coalition, NCMEC reports)',
  },
  'vics-us': { id: 'scheme.vics-us.name', defaultMessage: 'Project VIC (US)' },
  'dhs-cat': { id: 'scheme.dhs-cat.name', defaultMessage: 'Project VIC / DHS legacy CAT-0..5' },
  'uk-sc2014': {
    id: 'scheme.uk-sc2014.name',
    defaultMessage: 'UK Sentencing Council (2014) indecent images',
  },
  copine: { id: 'scheme.copine.name', defaultMessage: 'COPINE scale (reference)' },
});

/** Labels, by category id (`${scheme}:${code}`). Custody's own are in the renderer's domain labels. */
export const categoryLabels: Readonly<Record<string, CatalogMessage>> = defineMessages({
  'vics-us:0': { id: 'scheme.vics-us.0.label', defaultMessage: 'Non-pertinent' },
  'vics-us:1': { id: 'scheme.vics-us.1.label', defaultMessage: 'CAM' },
  'vics-us:2': { id: 'scheme.vics-us.2.label', defaultMessage: 'Exploitive / age-difficult' },
  'vics-us:3': { id: 'scheme.vics-us.3.label', defaultMessage: 'CGI / animation' },
  'vics-us:4': { id: 'scheme.vics-us.4.label', defaultMessage: 'Comparison' },
  'dhs-cat:CAT0': { id: 'scheme.dhs-cat.CAT0.label', defaultMessage: 'CAT-0 Uncategorised' },
  'dhs-cat:CAT1': { id: 'scheme.dhs-cat.CAT1.label', defaultMessage: 'CAT-1 Child abuse material' },
  'dhs-cat:CAT2': {
    id: 'scheme.dhs-cat.CAT2.label',
    defaultMessage: 'CAT-2 Child exploitive / age difficult',
  },
  'dhs-cat:CAT3': { id: 'scheme.dhs-cat.CAT3.label', defaultMessage: 'CAT-3 Adult pornography' },
  'dhs-cat:CAT4': { id: 'scheme.dhs-cat.CAT4.label', defaultMessage: 'CAT-4 Non-pertinent' },
  'dhs-cat:CAT5': { id: 'scheme.dhs-cat.CAT5.label', defaultMessage: 'CAT-5 Other / comparison' },
  'uk-sc2014:A': { id: 'scheme.uk-sc2014.A.label', defaultMessage: 'Category A' },
  'uk-sc2014:B': { id: 'scheme.uk-sc2014.B.label', defaultMessage: 'Category B' },
  'uk-sc2014:C': { id: 'scheme.uk-sc2014.C.label', defaultMessage: 'Category C' },
  'copine:1': { id: 'scheme.copine.1.label', defaultMessage: 'COPINE 1 Indicative' },
  'copine:2': { id: 'scheme.copine.2.label', defaultMessage: 'COPINE 2 Nudist' },
  'copine:3': { id: 'scheme.copine.3.label', defaultMessage: 'COPINE 3 Erotica' },
  'copine:4': { id: 'scheme.copine.4.label', defaultMessage: 'COPINE 4 Posing' },
  'copine:5': { id: 'scheme.copine.5.label', defaultMessage: 'COPINE 5 Erotic posing' },
  'copine:6': { id: 'scheme.copine.6.label', defaultMessage: 'COPINE 6 Explicit erotic posing' },
  'copine:7': {
    id: 'scheme.copine.7.label',
    defaultMessage: 'COPINE 7 Explicit sexual activity',
  },
  'copine:8': { id: 'scheme.copine.8.label', defaultMessage: 'COPINE 8 Assault' },
  'copine:9': { id: 'scheme.copine.9.label', defaultMessage: 'COPINE 9 Gross assault' },
  'copine:10': {
    id: 'scheme.copine.10.label',
    defaultMessage: 'COPINE 10 Sadistic / bestiality',
  },
});

/** Definitions, by category id, Custody's harms included. */
export const categoryDefinitions: Readonly<Record<string, CatalogMessage>> = defineMessages({
  'custody:child-safety': {
    id: 'scheme.custody.child-safety.definition',
    defaultMessage: 'Sexual abuse or exploitation of a child.',
  },
  'custody:terrorism': {
    id: 'scheme.custody.terrorism.definition',
    defaultMessage: 'Content of or for a violent extremist group.',
  },
  'custody:threat-of-violence': {
    id: 'scheme.custody.threat-of-violence.definition',
    defaultMessage: 'A threat against a person or place.',
  },
  'custody:self-harm': {
    id: 'scheme.custody.self-harm.definition',
    defaultMessage: 'A risk to the poster or another person of self-harm.',
  },
  'custody:harassment': {
    id: 'scheme.custody.harassment.definition',
    defaultMessage: 'Targeted abuse of a person.',
  },
  'custody:disinformation': {
    id: 'scheme.custody.disinformation.definition',
    defaultMessage: 'Deliberately false or manipulated information.',
  },
  'custody:doxxing': {
    id: 'scheme.custody.doxxing.definition',
    defaultMessage: "Exposure of a person's private information.",
  },
  'custody:other': {
    id: 'scheme.custody.other.definition',
    defaultMessage: 'A harm not listed here.',
  },
  'custody:not-actionable': {
    id: 'scheme.custody.not-actionable.definition',
    defaultMessage: 'Reviewed: nothing to act on.',
  },
  'industry:A1': {
    id: 'scheme.industry.A1.definition',
    defaultMessage: 'Prepubescent minor; a sex act.',
  },
  'industry:A2': {
    id: 'scheme.industry.A2.definition',
    defaultMessage: 'Prepubescent minor; lascivious exhibition.',
  },
  'industry:B1': {
    id: 'scheme.industry.B1.definition',
    defaultMessage: 'Pubescent minor; a sex act.',
  },
  'industry:B2': {
    id: 'scheme.industry.B2.definition',
    defaultMessage: 'Pubescent minor; lascivious exhibition.',
  },
  'vics-us:0': {
    id: 'scheme.vics-us.0.definition',
    defaultMessage: 'Reviewed; not child abuse material.',
  },
  'vics-us:1': { id: 'scheme.vics-us.1.definition', defaultMessage: 'Child abuse material.' },
  'vics-us:2': {
    id: 'scheme.vics-us.2.definition',
    defaultMessage: 'Exploitive of a child, or of uncertain age.',
  },
  'vics-us:3': {
    id: 'scheme.vics-us.3.definition',
    defaultMessage: 'Computer-generated or drawn depiction of a child.',
  },
  'vics-us:4': {
    id: 'scheme.vics-us.4.definition',
    defaultMessage: 'Kept to compare with other material (e.g. a victim identified).',
  },
  'dhs-cat:CAT0': {
    id: 'scheme.dhs-cat.CAT0.definition',
    defaultMessage: 'Not yet categorised (not "non-pertinent").',
  },
  'dhs-cat:CAT1': { id: 'scheme.dhs-cat.CAT1.definition', defaultMessage: 'Child abuse material.' },
  'dhs-cat:CAT2': {
    id: 'scheme.dhs-cat.CAT2.definition',
    defaultMessage: 'Exploitive, or of uncertain age.',
  },
  'dhs-cat:CAT3': { id: 'scheme.dhs-cat.CAT3.definition', defaultMessage: 'Adult material.' },
  'dhs-cat:CAT4': { id: 'scheme.dhs-cat.CAT4.definition', defaultMessage: 'Nothing of interest.' },
  'dhs-cat:CAT5': {
    id: 'scheme.dhs-cat.CAT5.definition',
    defaultMessage: 'Other material of interest.',
  },
  'uk-sc2014:A': {
    id: 'scheme.uk-sc2014.A.definition',
    defaultMessage: 'Penetrative sexual activity, sexual activity with an animal, or sadism.',
  },
  'uk-sc2014:B': {
    id: 'scheme.uk-sc2014.B.definition',
    defaultMessage: 'Non-penetrative sexual activity.',
  },
  'uk-sc2014:C': {
    id: 'scheme.uk-sc2014.C.definition',
    defaultMessage: 'Other indecent images not falling within A or B.',
  },
  'copine:1': {
    id: 'scheme.copine.1.definition',
    defaultMessage: 'Non-erotic, non-sexualised pictures.',
  },
  'copine:2': {
    id: 'scheme.copine.2.definition',
    defaultMessage: 'Naked or semi-naked in legitimate settings.',
  },
  'copine:3': {
    id: 'scheme.copine.3.definition',
    defaultMessage: 'Surreptitious pictures showing underwear or nakedness.',
  },
  'copine:4': {
    id: 'scheme.copine.4.definition',
    defaultMessage: 'Deliberately posed, clothed or naked.',
  },
  'copine:5': {
    id: 'scheme.copine.5.definition',
    defaultMessage: 'Sexualised or provocative poses.',
  },
  'copine:6': {
    id: 'scheme.copine.6.definition',
    defaultMessage: 'Emphasis on the genital area.',
  },
  'copine:7': {
    id: 'scheme.copine.7.definition',
    defaultMessage: 'Sexual activity not involving an adult.',
  },
  'copine:8': {
    id: 'scheme.copine.8.definition',
    defaultMessage: 'Sexual assault involving an adult.',
  },
  'copine:9': {
    id: 'scheme.copine.9.definition',
    defaultMessage: 'Grossly obscene sexual assault.',
  },
  'copine:10': { id: 'scheme.copine.10.definition', defaultMessage: 'Sadism or an animal.' },
});

/** The reasons and conditions of the mapping's relations (several relations share one). */
const mappingMessages = defineMessages({
  industryCsam: {
    id: 'mapping.reason.industryCsam',
    defaultMessage: 'industry categories classify CSAM',
  },
  ukGrades: {
    id: 'mapping.reason.ukGrades',
    defaultMessage: 'UK categories grade indecent images of children',
  },
  camIsAbuse: { id: 'mapping.reason.camIsAbuse', defaultMessage: 'CAM is child abuse material' },
  exploitive: {
    id: 'mapping.reason.exploitive',
    defaultMessage: 'exploitive material of a child',
  },
  nonPertinent: {
    id: 'mapping.reason.nonPertinent',
    defaultMessage: 'non-pertinent to a CSAM review; other harms may apply',
  },
  cat1: {
    id: 'mapping.reason.cat1',
    defaultMessage: 'CAT-1 and US 1 both mean child abuse material',
  },
  cat2: {
    id: 'mapping.reason.cat2',
    defaultMessage: 'CAT-2 and US 2 both mean exploitive / age difficult',
  },
  cat4: { id: 'mapping.reason.cat4', defaultMessage: 'CAT-4 non-pertinent is the current US 0' },
  cat5: {
    id: 'mapping.reason.cat5',
    defaultMessage: 'CAT-5 "other" was used for comparison material',
  },
  industryCam: {
    id: 'mapping.reason.industryCam',
    defaultMessage: 'all four industry categories are CAM',
  },
  camPrepubescent: {
    id: 'mapping.reason.camPrepubescent',
    defaultMessage: 'CAM of a prepubescent child showing a sex act',
  },
  camPubescent: {
    id: 'mapping.reason.camPubescent',
    defaultMessage: 'CAM of a pubescent child showing a sex act',
  },
  sexActUk: {
    id: 'mapping.reason.sexActUk',
    defaultMessage: 'a sex act is A when penetrative, otherwise B',
  },
  exhibitionUk: {
    id: 'mapping.reason.exhibitionUk',
    defaultMessage: 'lascivious exhibition without sexual activity is C',
  },
  ukIsCam: {
    id: 'mapping.reason.ukIsCam',
    defaultMessage: 'every UK category is CAM in the US scheme',
  },
  copine10: {
    id: 'mapping.reason.copine10',
    defaultMessage: 'sadism and bestiality are category A',
  },
  copine9: { id: 'mapping.reason.copine9', defaultMessage: 'gross assault is category A' },
  copine8: {
    id: 'mapping.reason.copine8',
    defaultMessage: 'assault by an adult is A when penetrative',
  },
  copine7: {
    id: 'mapping.reason.copine7',
    defaultMessage: 'sexual activity between children, non-penetrative',
  },
  copine6: {
    id: 'mapping.reason.copine6',
    defaultMessage: 'explicit erotic posing is category C',
  },
  needsPrepubescent: {
    id: 'mapping.condition.needsPrepubescent',
    defaultMessage: 'needs the age band (prepubescent) and a sex act',
  },
  needsPubescent: {
    id: 'mapping.condition.needsPubescent',
    defaultMessage: 'needs the age band (pubescent) and a sex act',
  },
  needsPenetrative: {
    id: 'mapping.condition.needsPenetrative',
    defaultMessage: 'needs whether the act is penetrative',
  },
  notRealChild: {
    id: 'mapping.condition.notRealChild',
    defaultMessage: 'unless the image is not of a real child (then US 3)',
  },
});

const mappingByEnglish: ReadonlyMap<string, CatalogMessage> = new Map(
  Object.values(mappingMessages).map((d) => [d.defaultMessage, d]),
);

/** The message of a mapping reason or condition, by the English the core sent, if there is one. */
export function mappingMessage(english: string): CatalogMessage | undefined {
  return mappingByEnglish.get(english);
}
