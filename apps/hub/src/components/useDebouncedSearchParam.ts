import { useEffect, useRef, useState } from 'react';

/**
 * A text field bound to a URL search param: the field updates at once, the URL (and so the
 * query) only once typing pauses. Changes made to the URL from elsewhere (a reset button,
 * the back button) are copied into the field.
 */
export function useDebouncedSearchParam(
  urlValue: string,
  commit: (value: string) => void,
  delay = 300,
): [string, (value: string) => void] {
  const [draft, setDraft] = useState(urlValue);
  const [seenUrlValue, setSeenUrlValue] = useState(urlValue);
  const committed = useRef(urlValue);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  if (urlValue !== seenUrlValue) {
    setSeenUrlValue(urlValue);
    // Our own commit coming back through the router must not overwrite newer keystrokes.
    if (urlValue !== committed.current) {
      committed.current = urlValue;
      setDraft(urlValue);
    }
  }

  useEffect(() => {
    const value = draft.trim();
    if (value === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = value;
      commitRef.current(value);
    }, delay);
    return () => clearTimeout(timer);
  }, [draft, delay]);

  return [draft, setDraft];
}
