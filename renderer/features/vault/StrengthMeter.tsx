import { defineMessages, useIntl } from 'react-intl';
import type { Strength } from './passphrase-strength.ts';

const labels = defineMessages({
  'too-short': { id: 'vault.strength.tooShort', defaultMessage: 'Too short' },
  weak: { id: 'vault.strength.weak', defaultMessage: 'Weak: add a few more words' },
  fair: {
    id: 'vault.strength.fair',
    defaultMessage: 'Fair: one or two more words would make it strong',
  },
  strong: { id: 'vault.strength.strong', defaultMessage: 'Strong' },
  'very-strong': { id: 'vault.strength.veryStrong', defaultMessage: 'Very strong' },
});

/** Four quiet segments and a sentence; the sentence carries the meaning, not the colour. */
export function StrengthMeter({ strength, id }: { strength: Strength; id: string }) {
  const intl = useIntl();
  return (
    <div className={`strength strength-${strength.level}`} id={id}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((n) => (
          <span key={n} className={n <= strength.score ? 'strength-on' : 'strength-off'} />
        ))}
      </div>
      <span className="strength-label">{intl.formatMessage(labels[strength.level])}</span>
    </div>
  );
}
