// When to suggest a break: each time today's unveiled time passes another multiple of the
// threshold. What was already suggested today is remembered for this window's life (sessionStorage,
// a number and a date, nothing about the evidence), so locking to take the break does not bring
// the same prompt back on unlock.
const KEY = 'custody.break-seen';

interface Seen {
  day: string;
  multiple: number;
}

const dayOf = (now: Date) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

function readSeen(now: Date): number {
  try {
    const raw = sessionStorage.getItem(KEY);
    const seen = raw ? (JSON.parse(raw) as Partial<Seen>) : null;
    return seen?.day === dayOf(now) && typeof seen.multiple === 'number' ? seen.multiple : 0;
  } catch {
    return 0;
  }
}

/** How many whole thresholds today's unveiled time has passed. */
export function multiplesPassed(todaySeconds: number, thresholdMinutes: number): number {
  if (thresholdMinutes <= 0) return 0;
  return Math.floor(todaySeconds / (thresholdMinutes * 60));
}

export function breakDue(todaySeconds: number, thresholdMinutes: number, now: Date): boolean {
  return multiplesPassed(todaySeconds, thresholdMinutes) > readSeen(now);
}

export function rememberBreakSeen(todaySeconds: number, thresholdMinutes: number, now: Date): void {
  try {
    const seen: Seen = {
      day: dayOf(now),
      multiple: multiplesPassed(todaySeconds, thresholdMinutes),
    };
    sessionStorage.setItem(KEY, JSON.stringify(seen));
  } catch {
    // Storage refused: the prompt may come back after a lock, which is only a little annoying.
  }
}
