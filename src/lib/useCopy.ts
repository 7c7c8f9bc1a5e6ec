/**
 * Copying text to the clipboard, with what happened to the last copy (for a status message beside
 * the button): `copied` names which copy it was (`what`), so a page with several copy buttons says
 * it beside the right one.
 */
import { useState } from 'react';

export interface CopyResult {
  state: 'copied' | 'failed';
  what: string;
}

export function useCopy(): { copied: CopyResult | null; copy: (text: string, what?: string) => Promise<void> } {
  const [copied, setCopied] = useState<CopyResult | null>(null);
  const copy = async (text: string, what = '') => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ state: 'copied', what });
    } catch {
      // No clipboard (an insecure page, a denied permission): the reader is told how else to copy it.
      setCopied({ state: 'failed', what });
    }
  };
  return { copied, copy };
}
