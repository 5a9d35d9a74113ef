import { useTranslation } from 'react-i18next';
import type { Loaded } from '../api/useLoaded';

/** A failed load on an administrator's page: "administrators only" for 401/403, else the error. */
export function AdminOnlyNotice({ failure }: { failure: Extract<Loaded<unknown>, { status: 'error' }> }) {
  const { t } = useTranslation();
  const forbidden = failure.httpStatus === 401 || failure.httpStatus === 403;
  return (
    <div className={`notice ${forbidden ? 'notice--info' : 'notice--error'}`} role="alert" data-testid="admin-only">
      <p>{forbidden ? t('members.adminOnly') : t('members.loadError', { message: failure.message })}</p>
    </div>
  );
}
