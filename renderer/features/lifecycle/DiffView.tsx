import type { ApiOutput } from '../../../shared/api/contract';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';

type Diff = ApiOutput<'version:diff'>;
export type DiffSide = number | 'working';

interface DiffViewProps {
  cycleId: string;
  versions: readonly number[];
  from: number;
  to: DiffSide;
  onChange: (from: number, to: DiffSide) => void;
}

const KIND_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** Two sides to compare and what changed between them: register by register, row by row, field by field. */
export function DiffView({ cycleId, versions, from, to, onChange }: DiffViewProps) {
  const diff = useApiQuery('version:diff', { cycleId, from, to });
  return (
    <section className="section" aria-labelledby="diff-heading">
      <h2 id="diff-heading">What changed</h2>
      <p>
        <label>
          From version{' '}
          <select value={from} onChange={(event) => onChange(Number(event.target.value), to)}>
            {versions.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          to{' '}
          <select value={String(to)} onChange={(event) => onChange(from, event.target.value === 'working' ? 'working' : Number(event.target.value))}>
            <option value="working">the working plan</option>
            {versions.map((n) => (
              <option key={n} value={n}>
                version {n}
              </option>
            ))}
          </select>
        </label>
      </p>
      <QueryView query={diff} what="the changes">
        {(value) => <DiffBody diff={value} />}
      </QueryView>
    </section>
  );
}

export function DiffBody({ diff }: { diff: Diff }) {
  return (
    <div data-testid="diff">
      <p>
        From {diff.from.label} (fingerprint {diff.from.fingerprint}) to {diff.to.label} (fingerprint {diff.to.fingerprint}): <strong>{diff.summary}</strong>.
      </p>
      {diff.cycle.length > 0 ? (
        <div className="diff-register">
          <h3>General information</h3>
          {diff.cycle.map((field) => (
            <p key={field.field} className="diff-row diff-row--changed">
              {field.label}: <span className="diff-old">{field.old}</span> → <span className="diff-new">{field.new}</span>
            </p>
          ))}
        </div>
      ) : null}
      {diff.registers.map((register) => (
        <div key={register.register} className="diff-register">
          <h3>{register.heading}</h3>
          {register.rows.map((row) => (
            <div key={row.id} className={`diff-row diff-row--${row.kind}`}>
              <p>
                <span className="diff-row__kind">{KIND_WORDS[row.kind]}</span>
                <strong>{row.label}</strong>
              </p>
              {row.kind === 'changed'
                ? row.fields.map((field) => (
                    <p key={field.field} className="diff-field">
                      {field.label}: <span className="diff-old">{field.old}</span> → <span className="diff-new">{field.new}</span>
                    </p>
                  ))
                : null}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
