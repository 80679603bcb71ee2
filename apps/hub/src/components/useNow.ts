import { useEffect, useState } from 'react';
import { Temporal } from 'temporal-polyfill';

/** The current instant, refreshed every `intervalMs` so live statuses ("Ouvert") stay true. */
export function useNow(intervalMs = 30_000): Temporal.Instant {
  const [now, setNow] = useState(() => Temporal.Now.instant());
  useEffect(() => {
    const timer = setInterval(() => setNow(Temporal.Now.instant()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
