import { describe, expect, it } from 'vitest';
import { checkDeclaration } from '../src/ReviewChecker';
import { shizuokaDeclaration } from './shizuokaDeclaration';

const FIGURE_RULES = ['numbers', 'dates', 'weekday', 'ordinals', 'edition', 'outside-meeting', 'counts'];

describe('false alarms on a real declaration (Shizuoka 2024, French, with our Japanese translation)', () => {
  const declaration = shizuokaDeclaration();
  const glossary = [{ id: 'g-cd', fr: 'coopération décentralisée', ja: '自治体間協力' }];
  const findings = checkDeclaration(declaration, glossary);

  it('gives no number, date, ordinal nor count finding', () => {
    expect(findings.filter((f) => FIGURE_RULES.includes(f.rule)).map((f) => `${f.rule} ${f.sid}: ${f.message.en}`)).toEqual([]);
  });

  it('still catches a wrong figure slipped into it', () => {
    const broken = shizuokaDeclaration();
    const first = broken.sections[0]?.segments[0];
    if (!first) throw new Error('no first passage');
    first.ja = first.ja.replace('35自治体', '36自治体').replace('21日まで', '22日まで');
    const rules = checkDeclaration(broken).filter((f) => FIGURE_RULES.includes(f.rule)).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['numbers', 'dates']));
  });

  it('prints what it does flag (typography, glossary), for the note', () => {
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    console.log(`Shizuoka 2024: ${findings.length} findings`, Object.fromEntries(byRule));
    for (const f of findings.slice(0, 400)) console.log(`  ${f.rule} ${f.sid}: ${f.message.en}`);
    expect(byRule.get('typography-fr')).toBeGreaterThan(0);
  });
});
