import { DataTable } from '../../components/ui/DataTable';
import { RadioGroup } from '../../components/ui/RadioGroup';
import type { ConflictDto, FieldChangeDto, ResolutionDto } from '../../../shared/api/schemas/bundles';
import { capitalised, showField } from './preview-words';

interface ConflictChoicesProps {
  conflicts: ConflictDto[];
  choices: Record<string, ResolutionDto>;
  /** Who sent the bundle, for the "theirs" column. */
  senderName: string;
  onChange: (key: string, choice: ResolutionDto) => void;
}

const sideLabel = { mine: 'keep mine', theirs: 'take theirs' } as const;

/** A field one side changed is taken from that side; the row's choice decides the fields both changed. */
const changedSide = (f: FieldChangeDto) => (f.changedBy === 'mine' || f.changedBy === 'theirs' ? f.changedBy : null);

const WHO_CHANGED = { mine: 'Here only', theirs: 'Theirs only', both: 'Both sides' } as const;

/**
 * One row per conflict: keep mine or take theirs (the suggested choice is preselected), or choose
 * field by field. A field only one side changed is taken from that side whatever the row's choice;
 * choosing field by field can still override it. Nothing is applied until every conflict has a choice.
 */
export function ConflictChoices({ conflicts, choices, senderName, onChange }: ConflictChoicesProps) {
  return (
    <ol className="stack" aria-label="Conflicts to resolve">
      {conflicts.map((conflict) => {
        const choice = choices[conflict.key] ?? conflict.recommended;
        const byField = typeof choice === 'object';
        const partly = conflict.fields.some((f) => changedSide(f) !== null);
        const sideOf = (f: FieldChangeDto) =>
          typeof choice === 'object' ? (choice.fields[f.field] ?? changedSide(f) ?? conflict.recommended) : (changedSide(f) ?? choice);
        const show = (field: string, value: unknown) => showField(conflict.register, field, value);
        return (
          <li key={conflict.key} className="panel">
            <p>
              <strong>
                {capitalised(conflict.registerLabel)} “{conflict.label}”
              </strong>
              : {conflict.reason}
            </p>
            <RadioGroup
              legend="What to keep"
              name={`conflict-${conflict.key}`}
              value={byField ? 'by-field' : choice}
              options={[
                ...(['mine', 'theirs'] as const).map((side) => ({
                  value: side,
                  label: `${side === 'mine' ? 'Keep mine (this copy)' : `Take theirs (${senderName}’s)`}${partly ? ' where both changed' : ' for every field'}${
                    conflict.recommended === side ? (conflict.kind === 'edited-both' ? ' — suggested: the later edit' : ' — suggested: keeps the row') : ''
                  }`,
                })),
                ...(conflict.fields.length > 1 ? [{ value: 'by-field' as const, label: 'Choose field by field' }] : []),
              ]}
              onChange={(picked) =>
                onChange(
                  conflict.key,
                  picked === 'by-field'
                    ? { fields: Object.fromEntries(conflict.fields.map((f) => [f.field, changedSide(f) ?? conflict.recommended])) }
                    : picked,
                )
              }
            />
            {conflict.fields.length > 0 ? (
              <DataTable label={`Fields of ${conflict.label}`}>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    {partly ? <th scope="col">Changed</th> : null}
                    <th scope="col">Mine (this copy)</th>
                    <th scope="col">Theirs ({senderName})</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {conflict.fields.map((f) => (
                    <tr key={f.field}>
                      <th scope="row">{f.label}</th>
                      {partly ? <td>{WHO_CHANGED[f.changedBy ?? 'both']}</td> : null}
                      {(['mine', 'theirs'] as const).map((side) => (
                        <td key={side}>
                          {byField ? (
                            <label>
                              <input
                                // A field's two choices sit in two cells of its row, so they cannot be one RadioGroup.
                                // eslint-disable-next-line no-restricted-syntax
                                type="radio"
                                name={`conflict-${conflict.key}-${f.field}`}
                                checked={sideOf(f) === side}
                                onChange={() => onChange(conflict.key, { fields: { ...(typeof choice === 'object' ? choice.fields : {}), [f.field]: side } })}
                              />{' '}
                              <span className="visually-hidden">
                                {f.label}, {sideLabel[side]}:{' '}
                              </span>
                              {show(f.field, f[side])}
                            </label>
                          ) : (
                            show(f.field, f[side])
                          )}
                        </td>
                      ))}
                      <td data-result-of={f.field}>{show(f.field, f[sideOf(f)])}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
