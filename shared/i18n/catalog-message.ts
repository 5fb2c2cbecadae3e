// A message of the catalogs declared outside React (the renderer, main's menus and the CLI all
// format it): its id and its English. react-intl's own types would pull React into shared/.

export interface CatalogMessage {
  id: string;
  defaultMessage: string;
}

/** The identity, under the name the extractor (scripts/i18n) looks for. */
export const defineMessages = <K extends string>(
  messages: Record<K, CatalogMessage>,
): Record<K, CatalogMessage> => messages;
