import { parseInline } from '@accord/import/inlineText';
import { Fragment } from 'react';

/** Inline text of the preview (`<sup>`, `<b>`, `<i>`) as it will read in the editor; joins (`\n`) as line breaks. */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {parseInline(line).map((run, k) => {
            let node = <>{run.text}</>;
            if (run.marks.includes('superscript')) node = <sup>{node}</sup>;
            if (run.marks.includes('bold')) node = <strong>{node}</strong>;
            if (run.marks.includes('italic')) node = <em>{node}</em>;
            return <Fragment key={k}>{node}</Fragment>;
          })}
        </Fragment>
      ))}
    </>
  );
}
