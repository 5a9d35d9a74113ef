import { type Dismissal, readDismissals } from '@accord/checks/Dismissals';
import type { Finding } from '@accord/checks/Finding';
import { type GlossaryEntry, readGlossary } from '@accord/checks/Glossary';
import { ReviewChecker } from '@accord/checks/ReviewChecker';
import { META, readBilingual, SECTIONS, sectionEntries } from '@accord/model/declarationLayout';
import { type DeclarationJson, type DeclarationMeta, readDeclaration, readSegments, type SectionJson } from '@accord/model/readDeclaration';
import { GLOSSARY, REVIEW } from '@accord/permissions/writeTarget';
import type * as Y from 'yjs';
import { type ChangedRoots, changedSections, DerivedFromDoc } from '../sync/DerivedFromDoc';

/** A finding of the live text, with its « not an error » dismissal when someone made one. */
export interface ReviewFinding extends Finding {
  dismissal: Dismissal | null;
}

export interface ReviewSnapshot {
  /** In document order, declaration-level findings last. */
  findings: readonly ReviewFinding[];
  /** Open (not dismissed) findings by section. */
  open: ReadonlyMap<string, readonly ReviewFinding[]>;
  openCount: number;
  glossary: readonly GlossaryEntry[];
  /** Equal keys, equal snapshot: a keystroke that changes no finding re-renders nothing. */
  key: string;
}

const EMPTY: ReviewSnapshot = { findings: [], open: new Map(), openCount: 0, glossary: [], key: '' };

/**
 * The review of the open declaration (docs/review-checks.md), live: after each burst of edits it
 * re-reads the sections that changed and checks again, and the checker re-analyses only the
 * segments whose text changed. The same rules as the server's `GET …/checks` (one package).
 */
export class ReviewStatus extends DerivedFromDoc<ReviewSnapshot> {
  private readonly checker = new ReviewChecker();
  private sections = new Map<string, SectionJson>();
  private meta: DeclarationMeta | null = null;
  private glossary: GlossaryEntry[] = [];
  private dismissals = new Map<string, Dismissal>();

  constructor(doc: Y.Doc) {
    super(doc, EMPTY);
  }

  protected derive(previous: ReviewSnapshot, changed: ChangedRoots): ReviewSnapshot {
    const dirty = changedSections(changed, [SECTIONS]);
    if (changed === 'all' || changed.has(META) || !this.meta) this.meta = readDeclaration(this.doc).meta;
    if (changed === 'all' || changed.has(GLOSSARY)) this.glossary = readGlossary(this.doc);
    if (changed === 'all' || changed.has(REVIEW)) this.dismissals = readDismissals(this.doc);
    const sections = new Map<string, SectionJson>();
    for (const { id, kind, map } of sectionEntries(this.doc)) {
      const before = this.sections.get(id);
      const segments = before && dirty !== 'all' && !dirty.has(id) ? before.segments : readSegments(this.doc, id);
      sections.set(id, { id, kind, title: readBilingual(map.get('title')), segments });
    }
    this.sections = sections;
    const declaration: DeclarationJson = { meta: this.meta, sections: [...sections.values()] };
    const findings = this.checker.check(declaration, this.glossary).map((f) => ({ ...f, dismissal: this.dismissals.get(f.id) ?? null }));
    const key = findings.map((f) => `${f.id}${f.dismissal ? `\u0001${f.dismissal.at}` : ''}`).join('\u0000') + `\u0002${JSON.stringify(this.glossary)}`;
    if (key === previous.key) return previous;
    const open = new Map<string, ReviewFinding[]>();
    for (const f of findings) if (!f.dismissal) open.set(f.sectionId, [...(open.get(f.sectionId) ?? []), f]);
    return { findings, open, openCount: findings.filter((f) => !f.dismissal).length, glossary: this.glossary, key };
  }
}
