import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '../src/api/versionsApi';
import { resources } from '../src/i18n/resources';
import { versionFacts } from '../src/versions/versionFacts';
import { versionTitle } from '../src/versions/versionTitle';

/** The interface's own messages in `lng`, as the app initialises them. */
function translator(lng: 'fr' | 'ja' | 'en'): TFunction {
  const i18n = createInstance();
  void i18n.init({ resources, lng, fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

const version = (over: Partial<VersionSummary>): VersionSummary => ({
  id: 'v1',
  label: null,
  kind: 'automatic',
  author: null,
  createdAt: '2026-11-19T10:00:00.000Z',
  hash: 'a'.repeat(64),
  changes: null,
  ...over,
});

describe('a version as the timeline names it', () => {
  it('names the adopted version in the reader’s language', () => {
    const adopted = version({ kind: 'adopted', author: 'Julie Roux' });
    expect(versionTitle(adopted, translator('fr'))).toBe('Adoptée');
    expect(versionTitle(adopted, translator('ja'))).toBe('採択済み');
    expect(versionTitle(adopted, translator('en'))).toBe('Adopted');
  });

  it('says whose edits an automatic version holds, or that it is automatic', () => {
    expect(versionFacts(version({ author: 'Claire Martin, 佐藤 花子' }), translator('fr')).byline).toBe('modifications de Claire Martin, 佐藤 花子');
    expect(versionFacts(version({ author: 'Claire Martin' }), translator('ja')).byline).toBe('Claire Martinによる変更');
    expect(versionFacts(version({}), translator('fr')).byline).toBe('automatique');
    expect(versionFacts(version({ kind: 'named', label: 'Projet', author: 'Claire' }), translator('fr')).byline).toBe('par Claire');
  });

  it('sums up what changed, with plurals, in each language', () => {
    const some = version({ changes: { passages: 3, sections: 2 } });
    const one = version({ changes: { passages: 1, sections: 1 } });
    expect(versionFacts(some, translator('fr')).changes).toBe('3 passages dans 2 sections');
    expect(versionFacts(one, translator('fr')).changes).toBe('1 passage dans 1 section');
    expect(versionFacts(some, translator('ja')).changes).toBe('2セクションで3箇所を変更');
    expect(versionFacts(one, translator('en')).changes).toBe('1 passage in 1 section');
    expect(versionFacts(version({ changes: { passages: 0, sections: 0 } }), translator('fr')).changes).toBe('aucun passage modifié');
    // Not recorded (the first version, or one from before): nothing is claimed.
    expect(versionFacts(version({}), translator('fr')).changes).toBeNull();
  });
});
