// Office XML read as a stream of events (htmlparser2 in XML mode: no DTD, no external entities,
// nothing fetched), for the readers that walk it.
import { Parser } from 'htmlparser2';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new Parser(
    {
      onopentag: (name, attrs) => handlers.open?.(name, attrs),
      onclosetag: (name) => handlers.close?.(name),
      ontext: (text) => handlers.text?.(text),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** The text of each element named in `fields` (first occurrence), keyed by the field's name. */
export function xmlFields(xml: string, fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let current: string | null = null;
  let buffer = '';
  walkXml(xml, {
    open(name) {
      if (fields[name] && !(fields[name] in out)) {
        current = name;
        buffer = '';
      }
    },
    text(text) {
      if (current) buffer += text;
    },
    close(name) {
      if (name !== current) return;
      const value = buffer.trim();
      if (value !== '') out[fields[name]!] = value;
      current = null;
    },
  });
  return out;
}
