// The field a note is written in, wherever one is added: its length limit, each line finding its
// own direction, and Ctrl+Enter (Cmd+Enter on macOS) to add it.
import type { KeyboardEvent, RefObject } from 'react';

interface NoteInputProps {
  id: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  /** Escape leaves the field, keeping the text (where Escape does not close a dialog). */
  blurOnEscape?: boolean;
  describedBy: string;
  testId: string;
}

export function NoteInput({
  id,
  inputRef,
  rows,
  value,
  onChange,
  onSubmit,
  blurOnEscape = false,
  describedBy,
  testId,
}: NoteInputProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    } else if (blurOnEscape && event.key === 'Escape') {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };
  return (
    <textarea
      id={id}
      ref={inputRef}
      className="textarea"
      rows={rows}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      dir="auto"
      maxLength={20_000}
      aria-describedby={describedBy}
      data-testid={testId}
    />
  );
}
