import { InlineNotice } from '../../components/ui/InlineNotice';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { RoundReturnPreviewDto, RoundStatusDto } from '../../../shared/api/schemas/rounds';
import { fileToBase64 } from '../../components/files';
import { Field } from '../../components/form/Field';
import { showNotice } from '../../components/notices';
import { runRoundJob } from './round-jobs';

type Stage = { name: 'choose' } | { name: 'busy'; label: string } | { name: 'preview'; fileName: string; base64: string; preview: RoundReturnPreviewDto };

/**
 * A returned template or bundle: checked against the round first (right round and period, an
 * organisation in it, not taken before), then previewed as the import would apply it; nothing is
 * written until Take in.
 */
export function ReturnPanel({ cycleId, onTaken }: { cycleId: string; onTaken: (status: RoundStatusDto) => void }) {
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    const base64 = await fileToBase64(file);
    setStage({ name: 'busy', label: `Checking ${file.name}…` });
    const result = await runRoundJob('round:returnPreview', { cycleId, fileName: file.name, base64 });
    if (!result.ok || result.value.kind !== 'preview') {
      setProblem(result.ok ? 'The file could not be checked.' : result.error.message);
      return setStage({ name: 'choose' });
    }
    setStage({ name: 'preview', fileName: file.name, base64, preview: result.value.preview });
  };

  const takeIn = async (fileName: string, base64: string) => {
    setStage({ name: 'busy', label: `Taking in ${fileName}…` });
    const result = await runRoundJob('round:returnApply', { cycleId, fileName, base64 });
    setStage({ name: 'choose' });
    if (!result.ok || result.value.kind !== 'return') return setProblem(result.ok ? 'The file could not be taken in.' : result.error.message);
    const { returned, status } = result.value;
    showNotice(
      returned.applied
        ? `${fileName} taken in: ${returned.added} added, ${returned.changed} changed.`
        : `${fileName} recorded with ${returned.problems.length} problem(s); nothing in the plan changed.`,
    );
    onTaken(status);
  };

  return (
    <section className="section" aria-labelledby="round-return-heading">
      <div className="section__head">
        <h2 id="round-return-heading">Take in a returned file</h2>
      </div>
      {stage.name === 'choose' ? (
        <Field label="Returned template or bundle (.xlsx, .jwpb)" hint="Nothing is written until you have seen what the file would change and chosen Take in.">
          {(control) => <input {...control} type="file" accept=".xlsx,.jwpb" onChange={(event) => void choose(event.target.files?.[0])} />}
        </Field>
      ) : null}
      {stage.name === 'busy' ? (
        <p className="status status--loading" role="status">
          {stage.label}
        </p>
      ) : null}
      {problem ? <InlineNotice>{problem}</InlineNotice> : null}
      {stage.name === 'preview' ? (
        <div className="stack" aria-live="polite">
          <p>
            <strong>
              {stage.preview.organisationName}&apos;s {stage.preview.kind === 'bundle' ? 'bundle' : 'template'}: {stage.preview.adds} to add,{' '}
              {stage.preview.changes} to change{stage.preview.late ? ' (late: past the due date)' : ''}.
            </strong>
          </p>
          {stage.preview.problems.length ? (
            <ul aria-label="Problems found">
              {stage.preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
          <div className="form__actions">
            <Button kind="primary" onClick={() => void takeIn(stage.fileName, stage.base64)}>
              {stage.preview.canApply ? 'Take in' : 'Record the problems (nothing is written to the plan)'}
            </Button>
            <Button onClick={() => setStage({ name: 'choose' })}>Cancel</Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
