import type { Role } from '@accord/permissions/roles';
import { useTranslation } from 'react-i18next';
import { LockIcon } from '../ui/LockIcon';
import type { LockReason } from './writeAccess';

interface LockNoticeProps {
  reason: LockReason;
  role: Role | null;
  /**
   * `short`: "Read only" with the reason as a tooltip, for a reason the page already states once
   * at the top (a read-only role, an adopted text); the full sentence otherwise.
   */
  short?: boolean;
  testId?: string;
}

/** Why this is read-only for this person, next to a padlock: an honest client never meets a refusal. */
export function LockNotice({ reason, role, short = false, testId = 'lock-notice' }: LockNoticeProps) {
  const { t } = useTranslation();
  const text = t(`lock.${reason}`, { role: role ? t(`roles.${role}`) : '' });
  return (
    <p className={`lock-notice lock-notice--${reason}`} data-testid={testId} data-reason={reason} title={short ? text : undefined}>
      <LockIcon />
      <span>{short ? t('lock.readOnly') : text}</span>
      {short && <span className="visually-hidden">{text}</span>}
    </p>
  );
}
