// A workstation fingerprint in its five groups of four, left to right in every language, spaced
// so it can be read aloud group by group and compared with what the colleague reads back.
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <span className="ws-fingerprint" dir="ltr" translate="no" data-testid={testId}>
      {value.split('-').map((group, i) => (
        <span key={i} className="ws-fingerprint-group">
          {group}
        </span>
      ))}
    </span>
  );
}
