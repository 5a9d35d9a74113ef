import { useTranslation } from 'react-i18next';
import type { DeclarationSummary } from '../api/declarationsApi';
import { declarationPath } from '../routing/route';
import { Link } from '../routing/Link';
import { formatDateTime } from '../ui/formatDateTime';
import { orderedTitles } from '../ui/orderedTitles';

/** The declarations as cards: both titles (the interface language first) and the dates. */
export function DeclarationList({ declarations }: { declarations: DeclarationSummary[] }) {
  const { t, i18n } = useTranslation();
  if (declarations.length === 0) return <p className="muted">{t('home.empty')}</p>;
  return (
    <ul className="declaration-list" aria-label={t('home.listLabel')} data-testid="declaration-list">
      {declarations.map((declaration) => {
        const [primary, secondary] = orderedTitles(declaration.title, i18n.language);
        return (
          <li key={declaration.id} className="declaration-card" data-declaration-id={declaration.id}>
            <Link href={declarationPath(declaration.id)} className="declaration-card__link">
              <span className="declaration-card__title" lang={primary?.lang}>
                {primary?.text ?? t('editor.untitled')}
              </span>
              {secondary && (
                <span className="declaration-card__subtitle" lang={secondary.lang}>
                  {secondary.text}
                </span>
              )}
            </Link>
            <p className="declaration-card__dates">
              <span>{t('home.created', { date: formatDateTime(declaration.createdAt, i18n.language) })}</span>
              <span>{t('home.updated', { date: formatDateTime(declaration.updatedAt, i18n.language) })}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
