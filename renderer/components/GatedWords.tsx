// In place of words the core withheld because their item's text is behind a step (the text gate):
// a calm line saying where the words are kept, never the words. Opening the item offers the step.
import { FormattedMessage } from 'react-intl';

export function GatedWords() {
  return (
    <span className="muted gated-words" data-testid="gated-words">
      <FormattedMessage
        id="gate.words"
        defaultMessage="Behind a step: open the item to choose to read it"
      />
    </span>
  );
}
