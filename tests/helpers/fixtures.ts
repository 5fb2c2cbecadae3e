// The one path to the copied reference files (tests/fixtures, each folder with its SOURCES).
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);
