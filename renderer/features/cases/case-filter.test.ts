import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case.ts';
import {
  changedFilterCount,
  defaultFilters,
  matchesQuery,
  visibleCases,
  type CaseFilters,
} from './case-filter.ts';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
let n = 0;

function aCase(fields: Partial<Case>): Case {
  n += 1;
  return {
    id: `c_${String(n).padStart(16, 'a')}`,
    title: `Case ${n}`,
    kind: 'other',
    emergency: false,
    status: 'open',
    languages: [],
    externalRefs: [],
    notes: '',
    reportedAccounts: [],
    incidents: [],
    incidentAt: null,
    itemCount: 0,
    createdAt: new Date(NOW - 10 * DAY).toISOString(),
    updatedAt: new Date(NOW - DAY / 2).toISOString(),
    closedAt: null,
    ...fields,
  };
}

const filters = (change: Partial<CaseFilters>): CaseFilters => ({ ...defaultFilters, ...change });

describe('matchesQuery', () => {
  const c = aCase({
    title: 'تهديد ضد مدرسة',
    externalRefs: ['TICKET-4471', '@user_x'],
    notes: 'Пользователь угрожал школе.\nکاربر در پیام‌های خود تهدید کرده است.',
  });

  it('finds words in the title, the references or the notes', () => {
    expect(matchesQuery(c, 'مدرسه')).toBe(true);
    expect(matchesQuery(c, 'ticket-4471')).toBe(true);
    expect(matchesQuery(c, 'угрожал')).toBe(true);
    expect(matchesQuery(c, 'پیامهای')).toBe(true);
  });

  it('matches Cyrillic, Greek and German regardless of case, as the item search does', () => {
    const c2 = aCase({
      title: 'ДЕЛО О МОШЕННИЧЕСТВЕ',
      externalRefs: ['ΥΠΟΘΕΣΗ-7'],
      notes: 'Treffen an der Hauptstraße',
    });
    expect(matchesQuery(c2, 'мошенничестве')).toBe(true);
    expect(matchesQuery(c2, 'υποθεσ')).toBe(true);
    expect(matchesQuery(c2, 'HAUPTSTRASSE')).toBe(true);
    expect(matchesQuery(c, 'ПОЛЬЗОВАТЕЛЬ')).toBe(true);
  });

  it('needs every word of the query, anywhere', () => {
    expect(matchesQuery(c, 'user_x школе')).toBe(true);
    expect(matchesQuery(c, 'user_x absent')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesQuery(c, '   ')).toBe(true);
  });

  it('does not search the kind or other fields', () => {
    expect(matchesQuery(aCase({ kind: 'terrorism' }), 'terrorism')).toBe(false);
  });
});

describe('visibleCases', () => {
  const routineOld = aCase({
    title: 'routine old',
    updatedAt: new Date(NOW - 20 * DAY).toISOString(),
  });
  const routineNew = aCase({ title: 'routine new', kind: 'harassment' });
  const emergencyOld = aCase({
    title: 'emergency old',
    emergency: true,
    kind: 'self-harm',
    updatedAt: new Date(NOW - 3 * DAY).toISOString(),
  });
  const closedEmergency = aCase({ title: 'closed emergency', emergency: true, status: 'closed' });
  const all = [routineOld, closedEmergency, routineNew, emergencyOld];
  const titles = (cs: Case[]) => cs.map((c) => c.title);

  it('shows open cases by default, open emergencies first, then most recently updated', () => {
    expect(titles(visibleCases(all, defaultFilters, NOW))).toEqual([
      'emergency old',
      'routine new',
      'routine old',
    ]);
  });

  it('puts closed cases last, even closed emergencies', () => {
    expect(titles(visibleCases(all, filters({ status: 'all' }), NOW))).toEqual([
      'emergency old',
      'routine new',
      'routine old',
      'closed emergency',
    ]);
    expect(titles(visibleCases(all, filters({ status: 'closed' }), NOW))).toEqual([
      'closed emergency',
    ]);
  });

  it('filters by kind, priority and last update', () => {
    expect(titles(visibleCases(all, filters({ kind: 'harassment' }), NOW))).toEqual([
      'routine new',
    ]);
    expect(titles(visibleCases(all, filters({ priority: 'emergency' }), NOW))).toEqual([
      'emergency old',
    ]);
    expect(titles(visibleCases(all, filters({ priority: 'routine' }), NOW))).toEqual([
      'routine new',
      'routine old',
    ]);
    expect(titles(visibleCases(all, filters({ updated: 'day' }), NOW))).toEqual(['routine new']);
    expect(titles(visibleCases(all, filters({ updated: 'week' }), NOW))).toEqual([
      'emergency old',
      'routine new',
    ]);
  });

  it('combines the search with the filters', () => {
    expect(titles(visibleCases(all, filters({ query: 'routine', kind: 'other' }), NOW))).toEqual([
      'routine old',
    ]);
  });

  it('counts the filters that differ from the defaults, not the search', () => {
    expect(changedFilterCount(defaultFilters)).toBe(0);
    expect(changedFilterCount(filters({ query: 'x', status: 'all', kind: 'doxxing' }))).toBe(2);
  });
});
