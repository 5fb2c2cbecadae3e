// A checkbox with its label and a hint under it, the whole row clickable.
import type { ReactNode } from 'react';

interface CheckProps {
  label: string;
  hint: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}

export function Check({ label, hint, checked, onChange, testId }: CheckProps) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span>
        <span className="check-label">{label}</span>
        <span className="field-hint">{hint}</span>
      </span>
    </label>
  );
}
