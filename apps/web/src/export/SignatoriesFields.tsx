import { LANGS } from '@accord/model/declarationLayout';
import { SIGNATORY_KEYS, SIGNATORY_SIDES } from '@accord/model/signatories';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { SignatoryInput } from './SignatoryInput';
import { useSignatories } from './useSignatories';

/**
 * The signature blocks of the two mayors (`meta`, docs/document-model.md): name and office in
 * both languages, for each side. The committees fill them in; everyone else reads them.
 */
export function SignatoriesFields({ doc, lockedReason }: { doc: Y.Doc; lockedReason: string | null }) {
  const { t } = useTranslation();
  const signatories = useSignatories(doc);
  return (
    <details className="signatories" data-testid="signatories">
      <summary>{t('exportMenu.signatories')}</summary>
      <p className="muted signatories__hint">{lockedReason ?? t('exportMenu.signatoriesHint')}</p>
      {SIGNATORY_SIDES.map((side) => (
        <fieldset key={side} className="signatories__side">
          <legend>{t(side === 'french' ? 'exportMenu.frenchSide' : 'exportMenu.japaneseSide')}</legend>
          {LANGS.map((lang) => (
            <div key={lang} className="signatories__row">
              <SignatoryInput
                doc={doc}
                metaKey={SIGNATORY_KEYS[side].office}
                lang={lang}
                value={signatories[side].office[lang]}
                label={t('exportMenu.mayorOffice', { lang: t(`langName.${lang}`) })}
                placeholder={lang === 'fr' ? t('exportMenu.officePlaceholderFr') : t('exportMenu.officePlaceholderJa')}
                readOnly={lockedReason !== null}
                testId={`signatory-${side}-office-${lang}`}
              />
              <SignatoryInput
                doc={doc}
                metaKey={SIGNATORY_KEYS[side].name}
                lang={lang}
                value={signatories[side].name[lang]}
                label={t('exportMenu.mayorName', { lang: t(`langName.${lang}`) })}
                readOnly={lockedReason !== null}
                testId={`signatory-${side}-name-${lang}`}
              />
            </div>
          ))}
        </fieldset>
      ))}
    </details>
  );
}
