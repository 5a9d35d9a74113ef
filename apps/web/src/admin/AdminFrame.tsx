import type { DeclarationJson } from '@accord/model/readDeclaration';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui/PageTitle';
import { getDeclaration } from '../api/declarationsApi';
import { SignInNeeded } from '../access/SignInNeeded';
import { Link } from '../routing/Link';
import { auditPath, declarationPath, membersPath } from '../routing/route';
import { AppHeader } from '../ui/AppHeader';
import { orderedTitles } from '../ui/orderedTitles';
import { useLoaded } from '../api/useLoaded';

interface AdminFrameProps {
  id: string;
  page: 'members' | 'audit';
  /** The page's content, given the declaration (its title and sections), once loaded. */
  children(declaration: DeclarationJson): ReactNode;
}

/**
 * The administrator's pages of one declaration (members, audit log): the declaration's title, tabs
 * between them and back to the text, and the calm explanations for someone who may not be here.
 */
export function AdminFrame({ id, page, children }: AdminFrameProps) {
  const { t, i18n } = useTranslation();
  const [declaration] = useLoaded(id, (signal) => getDeclaration(id, signal));
  const heading = t(page === 'members' ? 'members.heading' : 'audit.heading');
  const [title] = declaration.status === 'ready' ? orderedTitles(declaration.value.meta.title, i18n.language) : [];
  useEffect(() => {
    document.title = `${heading}${title ? ` — ${title.text}` : ''} — ${t('app.name')}`;
  }, [heading, title?.text, t]);

  if (declaration.status === 'error' && declaration.httpStatus === 401) return <SignInNeeded declarationId={id} />;
  return (
    <>
      <AppHeader>
        <PageTitle title={{ text: heading }} subtitle={title} />
        <nav className="admin-tabs" aria-label={t('members.tabsLabel')}>
          <Link href={declarationPath(id)} className="admin-tabs__tab">
            {t('members.backToText')}
          </Link>
          <Link href={membersPath(id)} className="admin-tabs__tab" aria-current={page === 'members' ? 'page' : undefined} data-testid="members-tab">
            {t('members.nav')}
          </Link>
          <Link href={auditPath(id)} className="admin-tabs__tab" aria-current={page === 'audit' ? 'page' : undefined} data-testid="audit-tab">
            {t('audit.nav')}
          </Link>
        </nav>
      </AppHeader>
      <main id="main" className="admin-page" data-testid={`${page}-page`}>
        {declaration.status === 'loading' && (
          <p className="muted" role="status">
            {t('members.loading')}
          </p>
        )}
        {declaration.status === 'error' && (
          <p className="notice notice--error" role="alert">
            {t('members.loadError', { message: declaration.message })}
          </p>
        )}
        {declaration.status === 'ready' && children(declaration.value)}
      </main>
    </>
  );
}
