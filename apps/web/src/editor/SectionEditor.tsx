import type { Lang } from '@accord/model/declarationLayout';
import { EditorContent, useEditor } from '@tiptap/react';
import { type FocusEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslationFlags } from '../translation/useTranslationFlags';
import { useDeclaration } from './DeclarationContext';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './editorExtensions';

interface SectionEditorProps {
  sectionId: string;
  /** The section's title in this language, for the editor's accessible name. */
  sectionTitle: string;
  lang: Lang;
  /** The text is read-only for this person (their role, another's section, an adopted text). */
  locked: boolean;
  /** "Mark as up to date" is offered on this section's flags. */
  canConfirm: boolean;
}

/** The rich-text editor of one section in one language, bound to its Yjs fragment. */
export function SectionEditor({ sectionId, sectionTitle, lang, locked, canConfirm }: SectionEditorProps) {
  const { t } = useTranslation();
  const { connection, translation, user } = useDeclaration();
  const [focusWithin, setFocusWithin] = useState(false);
  const label = t('editor.sectionText', { section: sectionTitle || t('editor.untitled'), lang: t(`langName.${lang}`) });
  const attributes = {
    lang,
    // Japanese has no spaces for a spell checker to work with; French spelling is worth flagging.
    spellcheck: lang === 'fr' ? 'true' : 'false',
    'aria-label': label,
    'aria-multiline': 'true',
    'aria-readonly': locked ? 'true' : 'false',
    role: 'textbox',
    class: 'section-editor__prose',
    'data-lang': lang,
    'data-section-id': sectionId,
    'data-testid': `editor-${sectionId}-${lang}`,
  };
  // Built once per editor: the editor is created from the first value and rebuilt only on `deps`.
  const extensions = useMemo(() => editorExtensions(connection, sectionId, lang, user), [connection, sectionId, lang]);
  const editor = useEditor(
    {
      extensions,
      editorProps: { attributes },
      // Read-only from the first render: a locked editor must never dispatch a single change.
      editable: !locked,
      // Re-rendering the page on every keystroke of 18 editors is wasted work; the toolbar
      // subscribes to what it shows through `useEditorState`.
      shouldRerenderOnTransaction: false,
      onFocus: () => connection.setLocation({ sectionId, lang }),
    },
    // `user` is left out on purpose: a rename updates awareness, it does not rebuild editors.
    [connection, sectionId, lang],
  );

  useTranslationFlags(editor, translation, sectionId, lang, user, canConfirm, !locked);

  useEffect(() => {
    if (editor.isEditable === !locked) return;
    editor.setEditable(!locked, false);
    editor.setOptions({ editorProps: { attributes } });
    // `attributes` follows `locked` (aria-readonly).
  }, [editor, locked]);

  // The accessible name follows the interface language and the section title.
  useEffect(() => {
    if (editor.view.dom.getAttribute('aria-label') === label) return;
    editor.setOptions({ editorProps: { attributes } });
    // `attributes` is rebuilt every render; `label` is what changes it.
  }, [editor, label]);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget)) return;
    setFocusWithin(false);
    const here = connection.provider.awareness.getLocalState()?.location as { sectionId?: string; lang?: string } | null | undefined;
    // Only clear the location this editor set: focus may already be in another editor.
    if (here?.sectionId === sectionId && here.lang === lang) connection.setLocation(null);
  };

  return (
    <div
      className={`section-editor section-editor--${lang}${focusWithin && !locked ? ' section-editor--focused' : ''}${locked ? ' section-editor--locked' : ''}`}
      data-lang={lang}
      data-locked={locked || undefined}
      data-section-id={sectionId}
      onFocus={() => setFocusWithin(true)}
      onBlur={onBlur}
    >
      <div className="section-editor__bar">
        <span className={`lang-tag lang-tag--${lang}`} aria-hidden="true">
          {t(`langCode.${lang}`)}
        </span>
        {focusWithin && !locked && <EditorToolbar editor={editor} lang={lang} />}
      </div>
      <EditorContent editor={editor} className="section-editor__content" />
    </div>
  );
}
