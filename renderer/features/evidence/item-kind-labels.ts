// The words for an item's kind and for where a search word was found, in the interface's language.
import { defineMessages, type IntlShape } from 'react-intl';
import type { ItemKind } from '../../../shared/domain/item.ts';
import type { SearchField } from '../../../shared/domain/written.ts';

const kindLabels = defineMessages({
  image: { id: 'itemKind.image', defaultMessage: 'Image' },
  video: { id: 'itemKind.video', defaultMessage: 'Video' },
  audio: { id: 'itemKind.audio', defaultMessage: 'Audio' },
  text: { id: 'itemKind.text', defaultMessage: 'Text' },
  chat: { id: 'itemKind.chat', defaultMessage: 'Chat export' },
  email: { id: 'itemKind.email', defaultMessage: 'E-mail' },
  web: { id: 'itemKind.web', defaultMessage: 'Web capture' },
  pdf: { id: 'itemKind.pdf', defaultMessage: 'PDF' },
  document: { id: 'itemKind.document', defaultMessage: 'Document' },
  archive: { id: 'itemKind.archive', defaultMessage: 'Archive' },
  opaque: { id: 'itemKind.opaque', defaultMessage: 'Other file' },
});

const fieldLabels = defineMessages({
  name: { id: 'search.field.name', defaultMessage: 'file name' },
  text: { id: 'search.field.text', defaultMessage: 'text' },
  header: { id: 'search.field.header', defaultMessage: 'header' },
  note: { id: 'search.field.note', defaultMessage: 'note' },
  tag: { id: 'search.field.tag', defaultMessage: 'tag' },
  hash: { id: 'search.field.hash', defaultMessage: 'hash' },
});

export function itemKindLabel(intl: IntlShape, kind: ItemKind): string {
  return intl.formatMessage(kindLabels[kind]);
}

export function searchFieldLabel(intl: IntlShape, field: SearchField): string {
  return intl.formatMessage(fieldLabels[field]);
}
