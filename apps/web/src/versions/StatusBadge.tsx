import { useTranslation } from 'react-i18next';
import type { ChangeStatus } from '@accord/diff/diffDeclarations';

/** added / removed / moved / changed / unchanged, as a small coloured badge. */
export function StatusBadge({ status }: { status: ChangeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {t(`compare.status.${status}`)}
    </span>
  );
}
