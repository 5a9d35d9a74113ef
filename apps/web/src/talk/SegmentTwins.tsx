import { LANGS } from '@accord/model/declarationLayout';
import { findSegmentBlock } from '@accord/model/findTextblock';
import { textblockText } from '@accord/model/fragmentSegments';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';

/** A segment as it reads now in both languages, side by side: what a comment or suggestion is about. */
export function SegmentTwins({ sectionId, sid }: { sectionId: string; sid: string }) {
  const { t } = useTranslation();
  const { connection } = useDeclaration();
  return (
    <div className="talk-twins">
      {LANGS.map((lang) => {
        const block = findSegmentBlock(connection.doc, sectionId, lang, sid);
        const text = block ? textblockText(block) : '';
        return (
          <p key={lang} lang={lang} className="talk-twins__text" data-testid={`talk-twin-${lang}`}>
            <span className={`lang-tag lang-tag--${lang}`}>{t(`langCode.${lang}`)}</span> {text || <em className="muted">{t('talk.noText')}</em>}
          </p>
        );
      })}
    </div>
  );
}
