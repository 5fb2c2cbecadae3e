// A labelled select over a fixed list of values: the change handler only ever sees one of them.
import type { ReactNode } from 'react';

export type SelectOption<V extends string> = readonly [value: V, text: string];

interface SelectFieldProps<V extends string> {
  label: ReactNode;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  testId: string;
  /** Options shown after the choices but never chosen, such as a disabled "coming later". */
  children?: ReactNode;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  return (
    <label className="filter">
      <span className="filter-label">{props.label}</span>
      <select
        className="select"
        value={props.value}
        data-testid={props.testId}
        onChange={(event) => {
          const found = props.options.find(([v]) => v === event.target.value);
          if (found) props.onChange(found[0]);
        }}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
        {props.children}
      </select>
    </label>
  );
}
