import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { auditDetail } from '../src/admin/auditDetail';
import { resources } from '../src/i18n/resources';

describe('auditDetail of a role changed in place (A3)', () => {
  it('says whose role, from what to what, with a rapporteur’s sections by title', () => {
    const i18n = createInstance();
    void i18n.init({ resources, lng: 'fr', initAsync: false, interpolation: { escapeValue: false } });
    const detail = {
      memberId: 'm1',
      name: 'Hanako',
      from: { role: 'observer', sections: [] },
      to: { role: 'rapporteur', sections: ['workshop-1'] },
    };
    const titles = new Map([['workshop-1', 'Atelier 1']]);
    expect(auditDetail(detail, titles, new Map([['m1', '佐藤 花子']]), i18n.t)).toBe('佐藤 花子 · Observateur → Rapporteur (Atelier 1)');
  });
});
