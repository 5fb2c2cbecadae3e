// Which of the API's eight incident types a case is. Custody's own scheme has one category for
// this (child safety); anything finer is the specialist's choice, given with --incident-type.
import { InvalidInputError } from '../../errors.ts';
import { incidentTypes, type IncidentType } from '../../../../shared/domain/cybertipline.ts';
import { labelIn, type ExportCase } from '../export-case.ts';

export function incidentTypeFor(data: ExportCase, chosen?: string): IncidentType {
  if (chosen !== undefined) {
    const exact = incidentTypes.find((t) => t === chosen);
    if (!exact)
      throw new InvalidInputError(
        `"${chosen}" is not a CyberTipline incident type; use one of: ${incidentTypes.join('; ')}.`,
      );
    return exact;
  }
  const childSafety =
    data.case.kind === 'child-safety' ||
    data.items.some((x) => labelIn(x, 'custody')?.code === 'child-safety');
  if (!childSafety)
    throw new InvalidInputError(
      `Case ${data.case.id} is of kind "${data.case.kind}" and no item in it is categorised as child safety: a CyberTipline report is for child sexual exploitation. Give --incident-type to report it anyway.`,
    );
  return incidentTypes[0];
}
