import { useEffect, useState } from 'react';

/** The current time, refreshed every minute, for "updated 5 minutes ago" and date filters. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
