// The category schemes the reviewer works in: where they work (the US reports to NCMEC in the
// industry classification and shares with Project VIC; the UK grades A, B, C), the schemes that
// brings, and the primary one, which the number keys label in. Like the language, it applies at
// once; the core keeps the choice and makes suggestions into these schemes only.
import { useEffect, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { Check } from '../../components/Check.tsx';
import { Notice } from '../../components/Notice.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { schemeCategoryLabel, schemeName } from '../../base/domain-labels.ts';
import {
  assignableSchemeIds,
  jurisdictionOf,
  schemeJurisdictions,
  type CategorySchemeId,
  type SchemeJurisdiction,
} from '../../../shared/domain/category-schemes.ts';
import { primaryScheme, useTriage } from '../triage/triage.store.ts';
import { keyedCategories } from '../triage/triage-keys.ts';

type JurisdictionChoice = SchemeJurisdiction | 'own';

function jurisdictionOptions(intl: IntlShape, own: boolean): SelectOption<JurisdictionChoice>[] {
  const t = intl.formatMessage;
  const names: Record<SchemeJurisdiction, string> = {
    us: t({
      id: 'settings.schemes.us',
      defaultMessage: 'United States: industry A1–B2 (NCMEC reports) and Project VIC',
    }),
    uk: t({
      id: 'settings.schemes.uk',
      defaultMessage: 'United Kingdom: categories A, B and C',
    }),
    'us-uk': t({
      id: 'settings.schemes.usUk',
      defaultMessage: 'United States and United Kingdom',
    }),
    harms: t({
      id: 'settings.schemes.harms',
      defaultMessage: 'Custody’s harms only (no child abuse material)',
    }),
  };
  return [
    ...schemeJurisdictions.map((j): SelectOption<JurisdictionChoice> => [j.id, names[j.id]]),
    ...(own
      ? [
          [
            'own',
            t({ id: 'settings.schemes.own', defaultMessage: 'Your own choice of schemes' }),
          ] as const,
        ]
      : []),
  ];
}

/** The scheme's categories in a line: "A1, A2, B1, B2", "0 Non-pertinent, 1 CAM, …". */
function categoriesInLine(intl: IntlShape, scheme: CategorySchemeId): string {
  const words = keyedCategories(scheme).map(({ id }) => {
    const code = id.slice(scheme.length + 1);
    const label = schemeCategoryLabel(intl, id);
    return scheme === 'custody' || label.includes(code) ? label : `${code} ${label}`;
  });
  return intl.formatList(words, { type: 'unit' });
}

/** The schemes in the core's order: the primary first, the others as the schemes are listed. */
const ordered = (chosen: ReadonlySet<CategorySchemeId>, primary: CategorySchemeId) => [
  primary,
  ...assignableSchemeIds.filter((s) => chosen.has(s) && s !== primary),
];

export function SchemesSection() {
  const intl = useIntl();
  const t = intl.formatMessage;
  const schemes = useTriage((s) => s.schemes);
  const refused = useTriage((s) => s.schemesError);
  const primary = primaryScheme({ schemes });
  const [said, setSaid] = useState<{ tone: 'info' | 'warning'; text: string } | null>(null);
  useEffect(() => void useTriage.getState().loadCategories(), []);

  const save = async (next: CategorySchemeId[]) => {
    const outcome = await useTriage.getState().chooseSchemes(next);
    if (!outcome.ok) return setSaid(null);
    setSaid({
      tone: 'info',
      text: t(
        {
          id: 'settings.schemes.saved',
          defaultMessage:
            'Saved. The number keys label in {scheme}; suggestions come in {count, plural, one {this scheme} other {these # schemes}}.',
        },
        { scheme: schemeName(intl, primaryScheme({ schemes: outcome.value })), count: next.length },
      ),
    });
  };
  const chooseJurisdiction = (choice: JurisdictionChoice) => {
    const found = schemeJurisdictions.find((j) => j.id === choice);
    if (!found) return;
    const chosen = new Set<CategorySchemeId>(found.schemes);
    void save(ordered(chosen, chosen.has(primary) ? primary : found.schemes[0]));
  };
  const toggle = (scheme: CategorySchemeId, on: boolean) => {
    const chosen = new Set(schemes);
    if (on) chosen.add(scheme);
    else chosen.delete(scheme);
    const first = chosen.has(primary) ? primary : assignableSchemeIds.find((s) => chosen.has(s));
    if (!first) {
      setSaid({
        tone: 'warning',
        text: t({
          id: 'settings.schemes.keepOne',
          defaultMessage: 'Keep at least one scheme: every label belongs to one.',
        }),
      });
      return;
    }
    void save(ordered(chosen, first));
  };

  const jurisdiction = jurisdictionOf(schemes);
  return (
    <fieldset className="fieldset" data-testid="schemes-section">
      <legend className="fieldset-legend">
        {t({ id: 'settings.schemes.legend', defaultMessage: 'Category schemes' })}
      </legend>
      <p className="muted schemes-intro">
        {t({
          id: 'settings.schemes.hint',
          defaultMessage:
            'The schemes you label evidence in, as your jurisdiction and the agencies you report to read them. The number keys 1 to 9 label in your primary scheme; suggested labels come in each scheme you work in.',
        })}
      </p>
      <SelectField<JurisdictionChoice>
        label={t({ id: 'settings.schemes.where', defaultMessage: 'Where you work' })}
        value={jurisdiction ?? 'own'}
        options={jurisdictionOptions(intl, jurisdiction === null)}
        onChange={chooseJurisdiction}
        testId="setting-jurisdiction"
      />
      <div
        className="schemes-list"
        role="group"
        aria-label={t({ id: 'settings.schemes.list', defaultMessage: 'Schemes you work in' })}
      >
        {assignableSchemeIds.map((scheme) => (
          <Check
            key={scheme}
            label={schemeName(intl, scheme)}
            hint={categoriesInLine(intl, scheme)}
            checked={schemes.includes(scheme)}
            onChange={(on) => toggle(scheme, on)}
            testId={`setting-scheme-${scheme}`}
          />
        ))}
      </div>
      <SelectField<CategorySchemeId>
        label={t({
          id: 'settings.schemes.primary',
          defaultMessage: 'Primary scheme (the number keys label in it)',
        })}
        value={primary}
        options={schemes.map((s) => [s, schemeName(intl, s)] as const)}
        onChange={(next) => void save(ordered(new Set(schemes), next))}
        testId="setting-primary-scheme"
      />
      {refused && (
        <Notice tone="warning" role="alert">
          {refused}
        </Notice>
      )}
      {said && !refused && (
        <Notice tone={said.tone} testId="schemes-saved">
          {said.text}
        </Notice>
      )}
    </fieldset>
  );
}
