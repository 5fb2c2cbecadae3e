// The words of an OpenDocument text body (ODF 1.3 part 3, §5–6) in reading order: one line per
// paragraph or heading (text:p, text:h), spans joined, text:s runs of spaces, tabs and line breaks
// kept, links (text:a) collected as text.
import { walkXml } from './xml-events.ts';

export interface OdtBody {
  lines: string[];
  links: string[];
}

const PARAGRAPHS = new Set(['text:p', 'text:h']);

export function odtBody(xml: string): OdtBody {
  const lines: string[] = [];
  const links: string[] = [];
  let line = '';
  let inBody = false;
  let open = 0;
  const end = () => {
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
  };
  walkXml(xml, {
    open(name, attrs) {
      if (name === 'office:text') inBody = true;
      if (!inBody) return;
      if (PARAGRAPHS.has(name)) {
        if (open > 0) end();
        open++;
      } else if (name === 'text:s')
        line += ' '.repeat(Math.min(Number(attrs['text:c'] ?? 1), 1000));
      else if (name === 'text:tab') line += '\t';
      else if (name === 'text:line-break') end();
      else if (name === 'text:a' && attrs['xlink:href']) links.push(attrs['xlink:href']);
    },
    text(text) {
      if (inBody && open > 0) line += text;
    },
    close(name) {
      if (name === 'office:text') inBody = false;
      if (PARAGRAPHS.has(name)) {
        open--;
        end();
      }
    },
  });
  return { lines, links };
}
