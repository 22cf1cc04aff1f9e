import type { ConflictDto, ResolutionDto } from '../../../shared/api/schemas/bundles';
import { showValue } from './bundle-files';

interface ConflictChoicesProps {
  conflicts: ConflictDto[];
  choices: Record<string, ResolutionDto>;
  onChange: (key: string, choice: ResolutionDto) => void;
}

/**
 * One row per conflict: keep mine or take theirs (the suggested choice is preselected), or choose
 * field by field. Nothing is applied until every conflict has a choice.
 */
export function ConflictChoices({ conflicts, choices, onChange }: ConflictChoicesProps) {
  return (
    <ol className="stack" aria-label="Conflicts to resolve">
      {conflicts.map((conflict) => {
        const choice = choices[conflict.key] ?? conflict.recommended;
        const byField = typeof choice === 'object';
        const sideOf = (field: string) => (typeof choice === 'object' ? (choice.fields[field] ?? conflict.recommended) : choice);
        return (
          <li key={conflict.key} className="panel">
            <p>
              <strong>
                {conflict.registerLabel} “{conflict.label}”
              </strong>
              : {conflict.reason}
            </p>
            <fieldset className="field">
              <legend>What to keep</legend>
              {(['mine', 'theirs'] as const).map((side) => (
                <label key={side}>
                  <input type="radio" name={`conflict-${conflict.key}`} checked={!byField && choice === side} onChange={() => onChange(conflict.key, side)} />{' '}
                  {side === 'mine' ? 'Keep mine (this copy)' : 'Take theirs (the sender’s)'}
                  {conflict.recommended === side ? ' — suggested' : ''}
                </label>
              ))}
              {conflict.fields.length > 1 ? (
                <label>
                  <input
                    type="radio"
                    name={`conflict-${conflict.key}`}
                    checked={byField}
                    onChange={() => onChange(conflict.key, { fields: Object.fromEntries(conflict.fields.map((f) => [f.field, conflict.recommended])) })}
                  />{' '}
                  Choose field by field
                </label>
              ) : null}
            </fieldset>
            {conflict.fields.length > 0 ? (
              <table className="table" aria-label={`Fields of ${conflict.label}`}>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Mine</th>
                    <th scope="col">Theirs</th>
                  </tr>
                </thead>
                <tbody>
                  {conflict.fields.map((f) => (
                    <tr key={f.field}>
                      <th scope="row">{f.label}</th>
                      {(['mine', 'theirs'] as const).map((side) => (
                        <td key={side}>
                          {byField ? (
                            <label>
                              <input
                                type="radio"
                                name={`conflict-${conflict.key}-${f.field}`}
                                checked={sideOf(f.field) === side}
                                onChange={() => onChange(conflict.key, { fields: { ...(typeof choice === 'object' ? choice.fields : {}), [f.field]: side } })}
                              />{' '}
                              {showValue(f[side])}
                            </label>
                          ) : (
                            showValue(f[side])
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
