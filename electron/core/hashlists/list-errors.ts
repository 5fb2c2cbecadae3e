import { InvalidInputError } from '../errors.ts';

/** The whole file was refused (garbage, not this format, nothing usable): nothing was imported. */
export class HashListRefusedError extends InvalidInputError {
  constructor(file: string, reason: string) {
    super(`Hash list ${file} refused: ${reason}. Nothing was imported.`);
  }
}
