import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies `text` to the clipboard and says so for a moment. The Clipboard API exists only in
 * secure contexts; on a conference hall's plain-HTTP address the text is selected instead, for
 * Ctrl+C, which is the best a page may do there.
 */
export function CopyButton({ text, selectTarget, testId }: { text: string; selectTarget(): HTMLInputElement | null; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      const field = selectTarget();
      field?.focus();
      field?.select();
      setCopied('select');
    }
  };
  return (
    <button type="button" className="button" onClick={() => void copy()} data-testid={testId} aria-live="polite">
      {copied === 'copied' ? t('copy.copied') : copied === 'select' ? t('copy.selected') : t('copy.copy')}
    </button>
  );
}
