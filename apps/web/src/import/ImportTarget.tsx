import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listDeclarations } from '../api/declarationsApi';
import { useLoaded } from '../api/useLoaded';
import { useUiLanguage } from '../i18n/useUiLanguage';
import { orderedTitles } from '../ui/orderedTitles';

/**
 * Where an import goes: a new declaration, or an existing one the person may open, to which the
 * text of its missing language is added (docs/import.md, I5). `value`: the declaration's id, or
 * `null` for a new one.
 */
export function ImportTarget({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [ui] = useUiLanguage();
  const ids = { legend: useId(), select: useId() };
  const [list] = useLoaded('import-declarations', (signal) => listDeclarations(signal));
  const declarations = list.status === 'ready' ? list.value.declarations : [];
  const titleOf = (d: (typeof declarations)[number]) => orderedTitles(d.title, ui)[0]?.text ?? '';
  return (
    <fieldset className="import-target" aria-labelledby={ids.legend}>
      <legend id={ids.legend}>{t('importer.target')}</legend>
      <label className="import-target__choice">
        <input type="radio" name="import-target" checked={value === null} onChange={() => onChange(null)} data-testid="import-target-new" />
        {t('importer.targetNew')}
      </label>
      <label className="import-target__choice">
        <input
          type="radio"
          name="import-target"
          checked={value !== null}
          disabled={declarations.length === 0}
          onChange={() => onChange(declarations[0]?.id ?? null)}
          data-testid="import-target-into"
        />
        {t('importer.targetInto')}
      </label>
      {value !== null && (
        <div className="field import-target__declaration">
          <label htmlFor={ids.select}>{t('importer.targetDeclaration')}</label>
          <select id={ids.select} value={value} onChange={(e) => onChange(e.target.value)} data-testid="import-target-declaration">
            {declarations.map((d) => (
              <option key={d.id} value={d.id}>
                {titleOf(d)}
              </option>
            ))}
          </select>
          <span className="muted import-files__hint">{t('importer.intoHint')}</span>
        </div>
      )}
    </fieldset>
  );
}
