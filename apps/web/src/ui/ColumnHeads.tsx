import { useTranslation } from 'react-i18next';

/** The "FR Français | JA 日本語" heads above every two-column view (editor, version, compare). */
export function ColumnHeads() {
  const { t } = useTranslation();
  return (
    <div className="column-heads" aria-hidden="true">
      <div className="column-heads__head column-heads__head--fr">
        <span className="lang-tag lang-tag--fr">{t('langCode.fr')}</span> <span lang="fr">Français</span>
      </div>
      <div className="column-heads__head column-heads__head--ja">
        <span className="lang-tag lang-tag--ja">{t('langCode.ja')}</span> <span lang="ja">日本語</span>
      </div>
    </div>
  );
}
