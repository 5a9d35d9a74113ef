import type { Role } from '@accord/permissions/roles';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createInvite, type CreatedInvite } from '../api/membersApi';
import { CopyButton } from '../ui/CopyButton';
import { INVITABLE_ROLES } from './invitableRoles';
import { SectionChoice } from './SectionChoice';

/** Lifetimes offered for an invitation, in hours; `null`: it does not expire. */
const EXPIRIES = [24, 72, 168, 720, null] as const;
type Expiry = (typeof EXPIRIES)[number];

/** A reusable invitation admits at most this many people (the server's limit, A17). */
const MAX_USES = 500;
/** What the number field proposes when the administrator makes a link reusable: a delegation. */
const DEFAULT_REUSABLE_USES = 10;

interface InviteFormProps {
  declarationId: string;
  /** Section ids in reading order. */
  sections: string[];
  titles: ReadonlyMap<string, string>;
  onCreated(): void;
}

/**
 * Makes an invitation (A2): a role, the sections for a rapporteur, a lifetime, a note of whom it
 * is for, and whether it admits several people (A17: one, unless made reusable). The link is
 * shown once, with a copy button: only its hash is kept on the server.
 */
export function InviteForm({ declarationId, sections, titles, onCreated }: InviteFormProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('committee-fr');
  const [owned, setOwned] = useState<string[]>([]);
  const [expiry, setExpiry] = useState<Expiry>(168);
  const [label, setLabel] = useState('');
  const [reusable, setReusable] = useState(false);
  const [uses, setUses] = useState(String(DEFAULT_REUSABLE_USES));
  const [state, setState] = useState<{ status: 'idle' | 'creating' } | { status: 'error'; message: string } | { status: 'created'; invite: CreatedInvite }>({
    status: 'idle',
  });
  const roleId = useId();
  const expiryId = useId();
  const labelId = useId();
  const labelHintId = useId();
  const usesId = useId();
  const linkId = useId();
  const linkRef = useRef<HTMLInputElement>(null);
  const needsSections = role === 'rapporteur';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.status === 'creating') return;
    if (needsSections && owned.length === 0) {
      setState({ status: 'error', message: t('members.needSections') });
      return;
    }
    const maxUses = reusable ? Number(uses) : 1;
    if (reusable && !(Number.isInteger(maxUses) && maxUses >= 2 && maxUses <= MAX_USES)) {
      setState({ status: 'error', message: t('members.maxUsesInvalid') });
      return;
    }
    setState({ status: 'creating' });
    try {
      const invite = await createInvite(declarationId, { role, sections: needsSections ? owned : [], expiresInHours: expiry, label, maxUses });
      setState({ status: 'created', invite });
      onCreated();
    } catch (error) {
      setState({ status: 'error', message: t('members.inviteError', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <form
      className="invite-form"
      onSubmit={submit}
      // Any change to the form makes the link shown for the previous choices stale: it goes, so a
      // link under «Comité japonais» is never the one made for «Observateur».
      onChange={() => {
        if (state.status === 'created' || state.status === 'error') setState({ status: 'idle' });
      }}
      noValidate
      data-testid="invite-form"
    >
      <div className="field-pair">
        <div className="field">
          <label htmlFor={roleId}>{t('members.role')}</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)} data-testid="invite-role">
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={expiryId}>{t('members.expiry')}</label>
          <select
            id={expiryId}
            value={expiry === null ? 'never' : String(expiry)}
            onChange={(event) => setExpiry(event.target.value === 'never' ? null : (Number(event.target.value) as Expiry))}
            data-testid="invite-expiry"
          >
            {EXPIRIES.map((hours) => (
              <option key={hours ?? 'never'} value={hours === null ? 'never' : String(hours)}>
                {hours === null ? t('members.expiryNever') : hours < 48 ? t('members.expiryHours', { count: hours }) : t('members.expiryDays', { count: hours / 24 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="field__hint invite-form__role-hint">{t(`roleHints.${role}`)}</p>
      <div className="field">
        <label htmlFor={labelId}>{t('members.forWhom')}</label>
        <input
          id={labelId}
          value={label}
          maxLength={120}
          onChange={(event) => setLabel(event.target.value)}
          aria-describedby={labelHintId}
          data-testid="invite-label"
        />
        <p id={labelHintId} className="field__hint">
          {t('members.forWhomHint')}
        </p>
      </div>
      <div className="invite-form__uses">
        <label className="checkbox-row">
          <input type="checkbox" checked={reusable} onChange={(event) => setReusable(event.target.checked)} data-testid="invite-reusable" />
          <span>{t('members.reusable')}</span>
        </label>
        {reusable ? (
          <div className="field invite-form__count">
            <label htmlFor={usesId}>{t('members.maxUses')}</label>
            <input
              id={usesId}
              type="number"
              inputMode="numeric"
              min={2}
              max={MAX_USES}
              step={1}
              value={uses}
              onChange={(event) => setUses(event.target.value)}
              data-testid="invite-max-uses"
            />
          </div>
        ) : (
          <p className="field__hint">{t('members.singleUseHint')}</p>
        )}
      </div>
      {needsSections && <SectionChoice sections={sections} titles={titles} chosen={owned} onChange={setOwned} testId="invite-sections" />}
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={state.status === 'creating'} data-testid="create-invite">
        {state.status === 'creating' ? t('members.creatingInvite') : t('members.createInvite')}
      </button>
      {state.status === 'created' && (
        <div className="invite-link" role="status" data-testid="invite-link">
          <label htmlFor={linkId}>{t('members.linkReady')}</label>
          <div className="invite-link__row">
            <input id={linkId} ref={linkRef} readOnly value={state.invite.url} onFocus={(event) => event.target.select()} data-testid="invite-url" />
            <CopyButton text={state.invite.url} selectTarget={() => linkRef.current} testId="copy-invite" />
          </div>
        </div>
      )}
    </form>
  );
}
