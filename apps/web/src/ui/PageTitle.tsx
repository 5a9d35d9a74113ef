interface TitleLine {
  text: string;
  lang?: string;
}

/** The heading of the app header: a title, and under it a second line (the other language, or the declaration). */
export function PageTitle({ title, subtitle, testId }: { title: TitleLine; subtitle?: TitleLine | null; testId?: string }) {
  return (
    <div className="declaration-title" data-testid={testId}>
      <h1 lang={title.lang}>{title.text}</h1>
      {subtitle && (
        <p className="declaration-title__other" lang={subtitle.lang}>
          {subtitle.text}
        </p>
      )}
    </div>
  );
}
