// The icon of a non-image item: a page with a mark for its kind (lines of text, a play triangle,
// a zip, braces, a gear…) and the extension written under it. Drawn here, not fetched: there is
// nothing of the file in it to veil.
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { extensionLabel, familyLabels, fileFamily, type FileFamily } from './file-kind.ts';

const marks: Record<FileFamily, ReactNode> = {
  text: <path d="M20 30h24M20 38h24M20 46h16" />,
  document: <path d="M20 28h24M20 35h24M20 42h24M20 49h12" />,
  spreadsheet: <path d="M18 28h28v22H18zM18 35h28M18 43h28M28 28v22M37 28v22" />,
  data: (
    <path d="M27 28c-5 0-4 5-4 8s-3 3-3 3 3 0 3 3-1 8 4 8M37 28c5 0 4 5 4 8s3 3 3 3-3 0-3 3 1 8-4 8" />
  ),
  web: <path d="M26 31l-7 8 7 8M38 31l7 8-7 8M34 28l-4 22" />,
  archive: <path d="M32 14v6M29 20h6v4h-6zM32 24v4M29 28h6v4h-6zM32 32v4M28 36h8v10h-8z" />,
  audio: <path d="M26 46a4 4 0 1 1-1-3V28l16-4v17a4 4 0 1 1-1-3V29l-14 3" />,
  video: <path d="M26 28l16 10-16 10z" />,
  image: <path d="M18 48l8-10 6 7 4-4 10 7M22 30a3 3 0 1 0 6 0 3 3 0 1 0-6 0" />,
  program: <path d="M20 30l8 8-8 8M32 46h12" />,
  other: <path d="M26 32a6 6 0 1 1 8 5c-2 1-2 3-2 5M32 48v1" />,
};

export function FileKindIcon({ mime, name }: { mime: string; name: string }) {
  const family = fileFamily(mime, name);
  const ext = extensionLabel(name);
  const label = useIntl().formatMessage(familyLabels[family]);
  return (
    <span className={`file-kind file-kind-${family}`} data-testid="file-kind" data-family={family}>
      <svg viewBox="0 0 64 72" aria-hidden="true" focusable="false">
        <path className="file-kind-page" d="M10 4h32l14 14v50H10z M42 4v14h14" />
        <g className="file-kind-mark">{marks[family]}</g>
      </svg>
      <span className="file-kind-label">
        {ext ? (
          <FormattedMessage
            id="fileKind.withExtension"
            defaultMessage="{kind} · {extension}"
            values={{ kind: label, extension: <bdi dir="ltr">{ext}</bdi> }}
          />
        ) : (
          label
        )}
      </span>
    </span>
  );
}
