// A file name from evidence: isolated (an Arabic or Persian name keeps its own order), hostile
// characters shown as tokens (SafeText), and, where space is short, cut in the middle so the
// extension stays in sight: `a-very-long-na….exe`, never `a-very-long-name-of-the-…`.
import { SafeText, visibleText } from './SafeText.tsx';
import './file-name.css';

/** Splits `name.ext` where the extension is a plausible one; `['', name]` has no extension. */
export function splitExtension(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > 12 || /\s/.test(name.slice(dot))) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

interface FileNameProps {
  name: string;
  /** One line, cut in the middle; otherwise the name wraps as needed. */
  truncate?: boolean;
  className?: string;
  testId?: string;
}

export function FileName({ name, truncate = false, className, testId }: FileNameProps) {
  const [stem, extension] = splitExtension(name);
  const classes = ['file-name', truncate ? 'file-name-truncate' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <bdi
      dir="auto"
      className={classes}
      title={truncate ? visibleText(name) : undefined}
      data-testid={testId}
    >
      <span className="file-name-stem">
        <SafeText text={stem} />
      </span>
      {extension && (
        <span className="file-name-ext">
          <SafeText text={extension} />
        </span>
      )}
    </bdi>
  );
}
