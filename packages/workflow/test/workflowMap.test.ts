import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { declarationProgress } from '../src/declarationProgress';
import { applyAction, type SectionRecord } from '../src/sectionWorkflow';
import { getWorkflow, readWorkflow, writeAdoption, writeSectionRecord } from '../src/workflowMap';

const approvedAt = (hash: string): SectionRecord => ({
  state: 'approved',
  validations: {},
  approval: { by: 'Mairie', role: 'mayor-office', at: '2026-11-23T10:00:00.000Z', hash },
});

describe('the workflow map and declaration progress', () => {
  it('reads what the server wrote, and a foreign shape as a draft', () => {
    const doc = new Y.Doc();
    const submitted = applyAction({ state: 'draft', validations: {} }, 'submit', { role: 'committee-fr', sections: [], name: 'Claire' }, {
      sectionId: 'theme',
      hash: 'h',
      at: '2026-11-23T10:00:00.000Z',
      adopted: false,
    });
    if (!submitted.ok) throw new Error('submit refused');
    writeSectionRecord(doc, 'theme', submitted.record);
    getWorkflow(doc).set('section/context', { state: 'approved-by-me', validations: 3 });
    const state = readWorkflow(doc);
    expect(state.sections.get('theme')).toEqual(submitted.record);
    expect(state.sections.get('context')).toEqual({ state: 'draft', validations: {} });
    expect(state.adoption).toBeNull();
    writeAdoption(doc, { by: 'Mairie', at: 'now', hash: 'abc', versionId: 'v1' });
    expect(readWorkflow(doc).adoption).toEqual({ by: 'Mairie', at: 'now', hash: 'abc', versionId: 'v1' });
    writeAdoption(doc, null);
    expect(readWorkflow(doc).adoption).toBeNull();
  });

  it('W5, W6: adoptable only while every section is approved at its current text', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'D', ja: '宣言' } });
    expect(declarationProgress(doc).adoptable).toBe(false);
    for (const section of declarationProgress(doc).sections) writeSectionRecord(doc, section.id, approvedAt(section.hash));
    const progress = declarationProgress(doc);
    expect(progress.sections.every((s) => s.state === 'approved')).toBe(true);
    expect(progress.adoptable).toBe(true);
    // One character in the Japanese of one section: that section needs a new approval.
    const paragraph = getFragment(doc, 'theme', 'ja').get(0) as Y.XmlElement;
    paragraph.insert(0, [new Y.XmlText('。')]);
    const after = declarationProgress(doc);
    expect(after.adoptable).toBe(false);
    expect(after.sections.find((s) => s.id === 'theme')).toMatchObject({ state: 'submitted', changedSince: 'approval' });
    expect(after.sections.filter((s) => s.state === 'approved')).toHaveLength(progress.sections.length - 1);
  });
});
