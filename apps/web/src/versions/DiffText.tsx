import type { Lang } from '@accord/model/declarationLayout';
import type { TextOp } from '@accord/diff/diffDeclarations';

/** One language's text diff: insertions as `<ins>`, deletions as `<del>`, the rest as it reads. */
export function DiffText({ ops, lang, className }: { ops: TextOp[]; lang: Lang; className?: string }) {
  return (
    <p lang={lang} className={`diff-text diff-text--${lang}${className ? ` ${className}` : ''}`}>
      {ops.map((op, index) =>
        op.op === 'insert' ? (
          <ins key={index}>{op.text}</ins>
        ) : op.op === 'delete' ? (
          <del key={index}>{op.text}</del>
        ) : (
          <span key={index}>{op.text}</span>
        ),
      )}
    </p>
  );
}
