/** A calendar date read in a text; parts the text does not give are `null`. */
export interface DateFact {
  year: number | null;
  month: number;
  day: number | null;
  /** 0 = Sunday … 6 = Saturday, when the text names the weekday of this day. */
  weekday: number | null;
  /** The words as written. */
  text: string;
}

/** A figure: `soft` when read from a word that is not always a number (« deux », 一つ). */
export interface NumberFact {
  value: number;
  text: string;
  soft: boolean;
}

/** An ordinal (8e, huitième, VIIIe, 第8回); `edition` when it numbers a meeting (« Rencontres », 回). */
export interface OrdinalFact {
  value: number;
  text: string;
  soft: boolean;
  edition: boolean;
}

export const COUNT_NOUNS = ['collectivities', 'participants', 'countries', 'cities'] as const;
export type CountNoun = (typeof COUNT_NOUNS)[number];

/** « 35 collectivités », 35の自治体; `pair` when it is the sum's part of « N … et M … ». */
export interface CountFact {
  value: number;
  noun: CountNoun;
  text: string;
  /** Set on both parts of a pair: the other part's value. */
  partner: number | null;
}

/** What one side of a segment says in figures. */
export interface TextFacts {
  dates: DateFact[];
  numbers: NumberFact[];
  ordinals: OrdinalFact[];
  counts: CountFact[];
}
