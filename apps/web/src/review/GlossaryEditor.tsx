import { deleteGlossaryEntry, type GlossaryEntry, MAX_TERM_LENGTH, writeGlossaryEntry } from '@accord/checks/Glossary';
import { newSid } from '@accord/model/newSid';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

interface GlossaryEditorProps {
  doc: Y.Doc;
  entries: readonly GlossaryEntry[];
  /** Committees and administrators change the glossary (A19); others read it. */
  canEdit: boolean;
}

/** The declaration's FR↔JA term list, which the review checks every passage against. */
export function GlossaryEditor({ doc, entries, canEdit }: GlossaryEditorProps) {
  const { t } = useTranslation();
  const [fr, setFr] = useState('');
  const [ja, setJa] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!fr.trim() || !ja.trim()) return;
    writeGlossaryEntry(doc, { id: newSid(), fr: fr.trim(), ja: ja.trim() });
    setFr('');
    setJa('');
  };
  return (
    <section className="review-glossary" aria-label={t('review.glossary')} data-testid="review-glossary">
      <h3>{t('review.glossary')}</h3>
      <p className="muted">{t('review.glossaryHint')}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('review.glossaryEmpty')}</p>
      ) : (
        <ul className="review-glossary__list">
          {entries.map((entry) => (
            <li key={entry.id} data-testid="glossary-entry">
              <span lang="fr">{entry.fr}</span>
              <span aria-hidden="true">↔</span>
              <span lang="ja">{entry.ja}</span>
              {canEdit && (
                <button type="button" className="button button--small button--quiet" onClick={() => deleteGlossaryEntry(doc, entry.id)} aria-label={t('review.glossaryRemove', { term: entry.fr })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="review-glossary__form" onSubmit={add}>
          <input lang="fr" value={fr} maxLength={MAX_TERM_LENGTH} onChange={(e) => setFr(e.target.value)} placeholder={t('review.glossaryFr')} aria-label={t('review.glossaryFr')} data-testid="glossary-fr" />
          <input lang="ja" value={ja} maxLength={MAX_TERM_LENGTH} onChange={(e) => setJa(e.target.value)} placeholder={t('review.glossaryJa')} aria-label={t('review.glossaryJa')} data-testid="glossary-ja" />
          <button type="submit" className="button button--small" disabled={!fr.trim() || !ja.trim()} data-testid="glossary-add">
            {t('review.glossaryAdd')}
          </button>
        </form>
      )}
    </section>
  );
}
