import { InlineNotice } from '../../components/ui/InlineNotice';
import { Button } from '../../components/ui/Button';
import { useEffect, useRef, useState } from 'react';
import type { OpenedBundle } from '../../../shared/api/client';
import type { BundlePreviewDto, ResolutionDto } from '../../../shared/api/schemas/bundles';
import type { Result } from '../../../shared/result';
import { api } from '../../api/api';
import { Field } from '../../components/form/Field';
import { showNotice } from '../../components/notices';
import { fileToBase64 } from '../../components/files';
import { undoImportAction } from '../../components/undo';
import { ConflictChoices } from './ConflictChoices';
import { importOutcome } from './preview-words';
import { PreviewSummary } from './PreviewSummary';
import { TrustSenderPanel } from './TrustSenderPanel';

/**
 * The preview's message, except for an untrusted sender: the server's sentence is written for the
 * command line too (it names `pamoja keys trust`), while here the steps are in the panel below it.
 */
function headline(preview: BundlePreviewDto): string {
  if (preview.status !== 'untrusted' || !preview.sender) return preview.message;
  return `Not imported yet: this file is signed by ${preview.sender.orgName} with a key this computer does not trust yet. Check the fingerprint below first.`;
}

type Stage = { name: 'choose' } | { name: 'busy'; label: string } | { name: 'preview'; base64: string; preview: BundlePreviewDto };

/**
 * Importing is always a preview first: what the bundle adds, changes and deletes, the conflicts to
 * resolve and the rows refused. An untrusted sender is trusted only after the fingerprint is
 * checked by phone. Applying takes a backup first and can be undone from the history.
 */
export function ImportBundlePanel({
  onImported,
  heading = 'Receive a bundle',
  initialFile = null,
}: {
  /** Called with the cycle the bundle was imported into. */
  onImported?: (cycleId: string) => void;
  heading?: string;
  /** A file to preview straight away (opened from Explorer) instead of asking for one. */
  initialFile?: OpenedBundle | null;
}) {
  const [stage, setStage] = useState<Stage>(initialFile ? { name: 'busy', label: 'Checking the bundle…' } : { name: 'choose' });
  const [choices, setChoices] = useState<Record<string, ResolutionDto>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const headlineRef = useRef<HTMLParagraphElement>(null);
  const shown = stage.name === 'preview' ? stage.preview : null;

  // The button pressed (choose, trust) is gone once a preview shows: keyboard and screen-reader
  // users continue from the preview's headline instead of the top of the page.
  useEffect(() => {
    if (shown) headlineRef.current?.focus();
  }, [shown]);

  const showPreview = (base64: string, result: Result<BundlePreviewDto>) => {
    if (!result.ok) {
      setProblem(result.error.message);
      setStage({ name: 'choose' });
      return;
    }
    setChoices({});
    setStage({ name: 'preview', base64, preview: result.value });
  };

  const previewOf = async (base64: string) => {
    setStage({ name: 'busy', label: 'Checking the bundle…' });
    showPreview(base64, await api('bundle:preview', { base64 }));
  };

  // A file opened from Explorer goes straight to its preview (the panel starts out "checking").
  useEffect(() => {
    if (!initialFile) return;
    let current = true;
    void api('bundle:preview', { base64: initialFile.base64 }).then((result) => {
      if (current) showPreview(initialFile.base64, result);
    });
    return () => {
      current = false;
    };
  }, [initialFile]);

  const choose = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    try {
      await previewOf(await fileToBase64(file));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const apply = async (base64: string, preview: BundlePreviewDto) => {
    const resolutions = Object.fromEntries(preview.conflicts.map((c) => [c.key, choices[c.key] ?? c.recommended]));
    setStage({ name: 'busy', label: 'Backing up, then importing…' });
    const result = await api('bundle:apply', { base64, resolutions });
    if (!result.ok) {
      setProblem(result.error.message);
      setStage({ name: 'preview', base64, preview });
    } else if (!result.value.applied) {
      setProblem('Nothing was written.');
      setStage({ name: 'preview', base64, preview: result.value.preview });
    } else {
      const c = result.value.preview.counts;
      const counts = result.value.import?.counts ?? { ...c, conflictsResolved: c.conflicts };
      showNotice(`Imported: ${importOutcome(counts)}. A backup was taken first.`, {
        action: undoImportAction('The import was taken back: the backup taken before it is restored.'),
      });
      setStage({ name: 'choose' });
      onImported?.(result.value.preview.bundle?.cycleId ?? '');
    }
  };

  return (
    <section className="section" aria-labelledby="bundle-import-heading">
      <div className="section__head">
        <h2 id="bundle-import-heading">{heading}</h2>
      </div>
      {stage.name === 'choose' ? (
        <Field label="Bundle file (.jwpb)" hint="Nothing is written until you have seen what the file would change and chosen Apply.">
          {(control) => <input {...control} type="file" accept=".jwpb" onChange={(event) => void choose(event.target.files?.[0])} />}
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
          <p ref={headlineRef} tabIndex={-1} className={stage.preview.status === 'refused' || stage.preview.status === 'untrusted' ? 'form__alert' : ''}>
            <strong>{headline(stage.preview)}</strong>
          </p>
          {stage.preview.problems.length > 1 ? (
            <ul>
              {stage.preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
          <PreviewSummary preview={stage.preview} />
          {stage.preview.status === 'untrusted' && stage.preview.sender ? (
            <TrustSenderPanel base64={stage.base64} sender={stage.preview.sender} onTrusted={() => void previewOf(stage.base64)} onProblem={setProblem} />
          ) : null}
          {stage.preview.conflicts.length > 0 ? (
            <ConflictChoices
              conflicts={stage.preview.conflicts}
              choices={choices}
              senderName={stage.preview.sender?.orgName ?? 'the sender'}
              onChange={(key, choice) => setChoices((all) => ({ ...all, [key]: choice }))}
            />
          ) : null}
          <div className="form__actions">
            {stage.preview.status === 'ready' || stage.preview.status === 'conflicts' ? (
              <Button kind="primary" onClick={() => void apply(stage.base64, stage.preview)}>
                Apply{stage.preview.conflicts.length > 0 ? ' with these choices' : ''}
              </Button>
            ) : null}
            <Button onClick={() => setStage({ name: 'choose' })}>
              {stage.preview.status === 'ready' || stage.preview.status === 'conflicts' ? 'Cancel' : 'Choose another file'}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
