import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from './ReviewStatus';
import { useReview } from './useReview';

/** « Relecture » in the header, with the number of open findings. */
export function ReviewButton({ status, open, onClick }: { status: ReviewStatus; open: boolean; onClick(): void }) {
  const { t } = useTranslation();
  const { openCount } = useReview(status);
  return (
    <button type="button" className="button header-button review-button" aria-expanded={open} title={t('review.openHint')} onClick={onClick} data-testid="review-button" data-open={openCount}>
      {t('review.open')}
      {openCount > 0 && (
        <span className="review-button__count" aria-label={t('review.openCount', { count: openCount })}>
          {openCount}
        </span>
      )}
    </button>
  );
}
