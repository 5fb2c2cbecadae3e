import type { Strength } from './passphrase-strength.ts';

/** Four quiet segments and a sentence; the sentence carries the meaning, not the colour. */
export function StrengthMeter({ strength, id }: { strength: Strength; id: string }) {
  return (
    <div className={`strength strength-${strength.level}`} id={id}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((n) => (
          <span key={n} className={n <= strength.score ? 'strength-on' : 'strength-off'} />
        ))}
      </div>
      <span className="strength-label">{strength.label}</span>
    </div>
  );
}
