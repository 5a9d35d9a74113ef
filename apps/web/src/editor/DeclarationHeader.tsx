import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui/PageTitle';
import type * as Y from 'yjs';
import { useDeclarationTitle } from '../sync/useDeclarationTitle';
import { orderedTitles } from '../ui/orderedTitles';

/** The declaration's title, the interface language's version first, the other under it. */
export function DeclarationHeader({ doc }: { doc: Y.Doc }) {
  const { i18n } = useTranslation();
  const title = useDeclarationTitle(doc);
  const [primary, secondary] = orderedTitles(title, i18n.language);
  const text = primary?.text ?? '';
  if (typeof document !== 'undefined') document.title = text ? `${text} — Accord` : 'Accord';
  return <PageTitle title={{ text, lang: primary?.lang }} subtitle={secondary} testId="declaration-title" />;
}
