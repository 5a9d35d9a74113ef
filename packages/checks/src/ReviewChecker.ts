import type { DeclarationJson, Segment } from '@accord/model/readDeclaration';
import { countFindings, editionFindings, outsideMeetingFindings, type PlacedFacts } from './declarationRules';
import type { TextFacts } from './Facts';
import type { Finding } from './Finding';
import { frenchFacts } from './frenchFacts';
import type { GlossaryEntry } from './Glossary';
import { japaneseFacts } from './japaneseFacts';
import { dateFindings, numberFindings, ordinalFindings, type Place, weekdayFindings } from './pairRules';
import { glossaryFindings, type PreparedGlossary, prepareGlossary, untranslatedFindings } from './segmentRules';
import { type FrenchSpacing, frenchTypography, japaneseTypography } from './typographyFindings';

export interface CheckOptions {
  frenchSpacing?: FrenchSpacing;
}

interface SegmentAnalysis {
  facts: PlacedFacts;
  findings: Finding[];
}

const NARRATES_FR = /(?<![\p{L}])(?:rencontres?|réuni(?:e|s|es)?|séances?|ateliers?|plénières?|sessions?|conférences?|déroulée?s?|tenue?s?)(?![\p{L}])/iu;
const NARRATES_JA = /会議|会合|全体会|分科会|開催|集い|集まり/u;

/**
 * Checks declarations again and again, re-reading only the segments whose text changed since the
 * last check (a keystroke re-checks one segment; the declaration-level rules then run over the
 * facts of every segment, which are kept). Pure: no I/O; one instance per live document.
 */
export class ReviewChecker {
  private cache = new Map<string, SegmentAnalysis>();
  private settings = '';
  private glossary: PreparedGlossary = prepareGlossary([]);
  /** Segments analysed by the last `check` (the others came from the cache): what tests measure. */
  lastAnalysed = 0;

  constructor(private readonly options: CheckOptions = {}) {}

  check(declaration: DeclarationJson, glossary: readonly GlossaryEntry[] = []): Finding[] {
    const meetingYear = /^\d{4}/.test(declaration.meta.startDate) ? Number(declaration.meta.startDate.slice(0, 4)) : null;
    const settings = JSON.stringify([meetingYear, glossary, this.options.frenchSpacing ?? 'any']);
    if (settings !== this.settings) {
      this.settings = settings;
      this.cache = new Map();
      this.glossary = prepareGlossary(glossary);
    }
    const next = new Map<string, SegmentAnalysis>();
    const facts: PlacedFacts[] = [];
    const findings: Finding[] = [];
    this.lastAnalysed = 0;
    for (const section of declaration.sections) {
      for (const segment of section.segments) {
        const key = `${section.id}\u0000${segment.sid}\u0000${segment.fr}\u0000${segment.ja}`;
        let analysis = this.cache.get(key) ?? next.get(key);
        if (!analysis) {
          analysis = this.analyse({ sectionId: section.id, sid: segment.sid }, segment, meetingYear);
          this.lastAnalysed++;
        }
        next.set(key, analysis);
        facts.push(analysis.facts);
        findings.push(...analysis.findings);
      }
    }
    this.cache = next;
    const firstSectionId = declaration.sections[0]?.id ?? '';
    const title = { fr: frenchFacts(declaration.meta.title.fr), ja: japaneseFacts(declaration.meta.title.ja) };
    findings.push(...editionFindings(declaration.meta, title, facts, firstSectionId), ...outsideMeetingFindings(declaration.meta, facts), ...countFindings(facts));
    return findings;
  }

  private analyse(place: Place, segment: Segment, meetingYear: number | null): SegmentAnalysis {
    const empty: TextFacts = { dates: [], numbers: [], ordinals: [], counts: [] };
    const fr = segment.fr.trim() ? frenchFacts(segment.fr) : empty;
    const ja = segment.ja.trim() ? japaneseFacts(segment.ja) : empty;
    const findings: Finding[] = [...untranslatedFindings(place, segment)];
    if (segment.fr.trim() && segment.ja.trim()) {
      findings.push(...numberFindings(place, fr, ja), ...dateFindings(place, fr, ja), ...ordinalFindings(place, fr, ja), ...glossaryFindings(place, segment, this.glossary));
    }
    findings.push(...weekdayFindings(place, 'fr', fr, meetingYear), ...weekdayFindings(place, 'ja', ja, meetingYear));
    if (segment.fr.trim()) findings.push(...frenchTypography(place, segment.fr, this.options.frenchSpacing ?? 'any'));
    if (segment.ja.trim()) findings.push(...japaneseTypography(place, segment.ja));
    return {
      facts: { ...place, fr, ja, narrates: { fr: NARRATES_FR.test(segment.fr), ja: NARRATES_JA.test(segment.ja) } },
      findings,
    };
  }
}

/** Checks a declaration once (the REST endpoint); `ReviewChecker` keeps what it read for the next check. */
export function checkDeclaration(declaration: DeclarationJson, glossary: readonly GlossaryEntry[] = [], options: CheckOptions = {}): Finding[] {
  return new ReviewChecker(options).check(declaration, glossary);
}
