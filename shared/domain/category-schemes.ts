// Category schemes as versioned data: labels and definitions of each scheme specialists meet, and
// one mapping between them written as relations. No published crosswalk exists; the reasoning
// behind every relation is in docs/category-mapping.md. Category ids are `${scheme}:${code}`
// (rows of the `categories` table; the export of issue 14 reads `industry` and `vics-us`).

export const categorySchemeIds = [
  'custody',
  'industry',
  'vics-us',
  'dhs-cat',
  'uk-sc2014',
  'copine',
] as const;
export type CategorySchemeId = (typeof categorySchemeIds)[number];

export interface SchemeCategory {
  code: string;
  label: string;
  definition: string;
  /** Content that is illegal to hold wherever the scheme applies: never unveiled by default. */
  knownIllegal: boolean;
}

export interface CategoryScheme {
  id: CategorySchemeId;
  name: string;
  /** The version of the scheme's definition these labels follow. */
  version: string;
  /** 'reference' schemes are shown, never assigned from a key; 'import-only' ones only arrive in lists. */
  use: 'assign' | 'import-only' | 'reference';
  categories: readonly SchemeCategory[];
}

const cat = (code: string, label: string, definition: string, knownIllegal = false) => ({
  code,
  label,
  definition,
  knownIllegal,
});

export const categorySchemes: readonly CategoryScheme[] = [
  {
    id: 'custody',
    name: 'Custody harms',
    version: '1',
    use: 'assign',
    categories: [
      cat('child-safety', 'Child safety', 'Sexual abuse or exploitation of a child.'),
      cat(
        'terrorism',
        'Terrorism / violent extremism',
        'Content of or for a violent extremist group.',
      ),
      cat('threat-of-violence', 'Threat of violence', 'A threat against a person or place.'),
      cat('self-harm', 'Self-harm', 'A risk to the poster or another person of self-harm.'),
      cat('harassment', 'Harassment', 'Targeted abuse of a person.'),
      cat('disinformation', 'Disinformation', 'Deliberately false or manipulated information.'),
      cat('doxxing', 'Doxxing', "Exposure of a person's private information."),
      cat('other', 'Other harm', 'A harm not listed here.'),
      cat('not-actionable', 'Not actionable', 'Reviewed: nothing to act on.'),
    ],
  },
  {
    id: 'industry',
    name: 'Industry classification (Tech Coalition, NCMEC reports)',
    version: '2023',
    use: 'assign',
    categories: [
      cat('A1', 'A1', 'Prepubescent minor; a sex act.', true),
      cat('A2', 'A2', 'Prepubescent minor; lascivious exhibition.', true),
      cat('B1', 'B1', 'Pubescent minor; a sex act.', true),
      cat('B2', 'B2', 'Pubescent minor; lascivious exhibition.', true),
    ],
  },
  {
    id: 'vics-us',
    name: 'Project VIC (US)',
    version: '2.0',
    use: 'assign',
    categories: [
      cat('0', 'Non-pertinent', 'Reviewed; not child abuse material.'),
      cat('1', 'CAM', 'Child abuse material.', true),
      cat('2', 'Exploitive / age-difficult', 'Exploitive of a child, or of uncertain age.'),
      cat('3', 'CGI / animation', 'Computer-generated or drawn depiction of a child.'),
      cat('4', 'Comparison', 'Kept to compare with other material (e.g. a victim identified).'),
    ],
  },
  {
    id: 'dhs-cat',
    name: 'Project VIC / DHS legacy CAT-0..5',
    version: 'legacy',
    use: 'import-only',
    categories: [
      cat('CAT0', 'CAT-0 Uncategorised', 'Not yet categorised (not "non-pertinent").'),
      cat('CAT1', 'CAT-1 Child abuse material', 'Child abuse material.', true),
      cat('CAT2', 'CAT-2 Child exploitive / age difficult', 'Exploitive, or of uncertain age.'),
      cat('CAT3', 'CAT-3 Adult pornography', 'Adult material.'),
      cat('CAT4', 'CAT-4 Non-pertinent', 'Nothing of interest.'),
      cat('CAT5', 'CAT-5 Other / comparison', 'Other material of interest.'),
    ],
  },
  {
    id: 'uk-sc2014',
    name: 'UK Sentencing Council (2014) indecent images',
    version: '2014',
    use: 'assign',
    categories: [
      cat(
        'A',
        'Category A',
        'Penetrative sexual activity, sexual activity with an animal, or sadism.',
        true,
      ),
      cat('B', 'Category B', 'Non-penetrative sexual activity.', true),
      cat('C', 'Category C', 'Other indecent images not falling within A or B.', true),
    ],
  },
  {
    id: 'copine',
    name: 'COPINE scale (reference)',
    version: '1',
    use: 'reference',
    categories: [
      cat('1', 'COPINE 1 Indicative', 'Non-erotic, non-sexualised pictures.'),
      cat('2', 'COPINE 2 Nudist', 'Naked or semi-naked in legitimate settings.'),
      cat('3', 'COPINE 3 Erotica', 'Surreptitious pictures showing underwear or nakedness.'),
      cat('4', 'COPINE 4 Posing', 'Deliberately posed, clothed or naked.'),
      cat('5', 'COPINE 5 Erotic posing', 'Sexualised or provocative poses.'),
      cat('6', 'COPINE 6 Explicit erotic posing', 'Emphasis on the genital area.', true),
      cat(
        '7',
        'COPINE 7 Explicit sexual activity',
        'Sexual activity not involving an adult.',
        true,
      ),
      cat('8', 'COPINE 8 Assault', 'Sexual assault involving an adult.', true),
      cat('9', 'COPINE 9 Gross assault', 'Grossly obscene sexual assault.', true),
      cat('10', 'COPINE 10 Sadistic / bestiality', 'Sadism or an animal.', true),
    ],
  },
];

export const categoryId = (scheme: string, code: string) => `${scheme}:${code}`;

/** The schemes a reviewer can work in: labels are assigned there (not import-only or reference). */
export const assignableSchemeIds: readonly CategorySchemeId[] = categorySchemes
  .filter((s) => s.use === 'assign')
  .map((s) => s.id);

/**
 * Where a reviewer works, and the schemes that go with it: a US reviewer reports to NCMEC in the
 * industry classification and shares with Project VIC; a UK one grades by the Sentencing
 * Council's A, B and C. Custody's harms go with every one, and alone for a team that sees no
 * child abuse material. A choice of schemes is one of these or the reviewer's own.
 */
export const schemeJurisdictions = [
  { id: 'us', schemes: ['custody', 'industry', 'vics-us'] },
  { id: 'uk', schemes: ['custody', 'uk-sc2014'] },
  { id: 'us-uk', schemes: ['custody', 'industry', 'vics-us', 'uk-sc2014'] },
  { id: 'harms', schemes: ['custody'] },
] as const satisfies readonly { id: string; schemes: readonly CategorySchemeId[] }[];
export type SchemeJurisdiction = (typeof schemeJurisdictions)[number]['id'];

/** The jurisdiction whose schemes are exactly these (in any order), or null: the reviewer's own. */
export function jurisdictionOf(schemes: readonly CategorySchemeId[]): SchemeJurisdiction | null {
  const chosen = new Set(schemes);
  const found = schemeJurisdictions.find(
    (j) => j.schemes.length === chosen.size && j.schemes.every((s) => chosen.has(s)),
  );
  return found?.id ?? null;
}

/** SKOS-style: `exact` means the same thing; `narrower`: the target is narrower than the source. */
export type MappingRelation = 'exact' | 'broader' | 'narrower' | 'related';

export interface CategoryMapping {
  from: string;
  to: string;
  relation: MappingRelation;
  /** What must also be known before the suggestion holds, e.g. "needs the age band". */
  condition: string | null;
  reason: string;
}

const map = (
  from: string,
  to: string,
  relation: MappingRelation,
  reason: string,
  condition: string | null = null,
): CategoryMapping => ({ from, to, relation, condition, reason });

export const MAPPING_VERSION = '1';

/** The one built-in mapping; reasoning in docs/category-mapping.md. */
export const categoryMappings: readonly CategoryMapping[] = [
  // Every CSAM category sits under Custody's child-safety harm.
  ...['A1', 'A2', 'B1', 'B2'].map((c) =>
    map(`industry:${c}`, 'custody:child-safety', 'broader', 'industry categories classify CSAM'),
  ),
  ...['A', 'B', 'C'].map((c) =>
    map(
      `uk-sc2014:${c}`,
      'custody:child-safety',
      'broader',
      'UK categories grade indecent images of children',
    ),
  ),
  map('vics-us:1', 'custody:child-safety', 'broader', 'CAM is child abuse material'),
  map('vics-us:2', 'custody:child-safety', 'broader', 'exploitive material of a child'),
  map(
    'vics-us:0',
    'custody:not-actionable',
    'related',
    'non-pertinent to a CSAM review; other harms may apply',
  ),
  map('dhs-cat:CAT1', 'vics-us:1', 'exact', 'CAT-1 and US 1 both mean child abuse material'),
  map('dhs-cat:CAT2', 'vics-us:2', 'exact', 'CAT-2 and US 2 both mean exploitive / age difficult'),
  map('dhs-cat:CAT4', 'vics-us:0', 'exact', 'CAT-4 non-pertinent is the current US 0'),
  map('dhs-cat:CAT5', 'vics-us:4', 'related', 'CAT-5 "other" was used for comparison material'),
  // CAT-0 is deliberately unmapped: it meant "uncategorised", which the US scheme writes as no label.
  // Industry → Project VIC: all four are CAM; the reverse needs the age band and the act.
  ...['A1', 'A2', 'B1', 'B2'].map((c) =>
    map(`industry:${c}`, 'vics-us:1', 'broader', 'all four industry categories are CAM'),
  ),
  map(
    'vics-us:1',
    'industry:A1',
    'narrower',
    'CAM of a prepubescent child showing a sex act',
    'needs the age band (prepubescent) and a sex act',
  ),
  map(
    'vics-us:1',
    'industry:B1',
    'narrower',
    'CAM of a pubescent child showing a sex act',
    'needs the age band (pubescent) and a sex act',
  ),
  // Industry ↔ UK: the act axis lines up roughly, the age axis does not exist in the UK scheme.
  map(
    'industry:A1',
    'uk-sc2014:A',
    'related',
    'a sex act is A when penetrative, otherwise B',
    'needs whether the act is penetrative',
  ),
  map(
    'industry:B1',
    'uk-sc2014:A',
    'related',
    'a sex act is A when penetrative, otherwise B',
    'needs whether the act is penetrative',
  ),
  map(
    'industry:A2',
    'uk-sc2014:C',
    'related',
    'lascivious exhibition without sexual activity is C',
  ),
  map(
    'industry:B2',
    'uk-sc2014:C',
    'related',
    'lascivious exhibition without sexual activity is C',
  ),
  map('uk-sc2014:A', 'vics-us:1', 'broader', 'every UK category is CAM in the US scheme'),
  map('uk-sc2014:B', 'vics-us:1', 'broader', 'every UK category is CAM in the US scheme'),
  map(
    'uk-sc2014:C',
    'vics-us:1',
    'broader',
    'every UK category is CAM in the US scheme',
    'unless the image is not of a real child (then US 3)',
  ),
  // COPINE (reference): the UK scheme replaced levels 6–10 (SAP 2002, then 2014).
  map('copine:10', 'uk-sc2014:A', 'related', 'sadism and bestiality are category A'),
  map('copine:9', 'uk-sc2014:A', 'related', 'gross assault is category A'),
  map(
    'copine:8',
    'uk-sc2014:A',
    'related',
    'assault by an adult is A when penetrative',
    'needs whether the act is penetrative',
  ),
  map(
    'copine:7',
    'uk-sc2014:B',
    'related',
    'sexual activity between children, non-penetrative',
    'needs whether the act is penetrative',
  ),
  map('copine:6', 'uk-sc2014:C', 'related', 'explicit erotic posing is category C'),
];

/** Whether a category id names content that is never unveiled by default. */
export function isKnownIllegalCategory(id: string): boolean {
  const [scheme, code] = id.split(':');
  return (
    categorySchemes
      .find((s) => s.id === scheme)
      ?.categories.some((c) => c.code === code && c.knownIllegal) ?? false
  );
}
