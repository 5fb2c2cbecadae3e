// The words of a WordprocessingML body (ECMA-376 part 1, §17) in reading order: one line per
// paragraph (w:p), runs joined, tabs and breaks kept, deleted revisions (w:delText) left out as
// Word shows them, hyperlink targets resolved through the part's relationships.
import { walkXml } from './xml-events.ts';

export interface DocxBody {
  lines: string[];
  /** Relationship ids of the hyperlinks, in order. */
  linkIds: string[];
}

export function docxBody(xml: string): DocxBody {
  const lines: string[] = [];
  const linkIds: string[] = [];
  let line = '';
  let inText = false;
  walkXml(xml, {
    open(name, attrs) {
      if (name === 'w:t') inText = true;
      else if (name === 'w:tab') line += '\t';
      else if (name === 'w:br' || name === 'w:cr') {
        lines.push(line);
        line = '';
      } else if (name === 'w:hyperlink' && attrs['r:id']) linkIds.push(attrs['r:id']);
    },
    text(text) {
      if (inText) line += text;
    },
    close(name) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p') {
        // A paragraph inside another (a text box, a table cell's) ends its own line.
        if (line.trim() !== '') lines.push(line.trimEnd());
        line = '';
      }
    },
  });
  if (line.trim() !== '') lines.push(line.trimEnd());
  return { lines: lines.filter((l) => l.trim() !== ''), linkIds };
}

/** External targets of a relationships part, by id. */
export function externalTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  walkXml(relsXml, {
    open(name, attrs) {
      if (name === 'Relationship' && attrs['TargetMode'] === 'External' && attrs['Id']) {
        targets.set(attrs['Id'], attrs['Target'] ?? '');
      }
    },
  });
  return targets;
}
