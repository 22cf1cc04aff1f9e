import { Field } from '../../components/form/Field';
import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { WardImportPreviewDto } from '../../../shared/api/schemas/geo';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { fileToBase64 } from '../../components/files';
import { ErrorPanel } from '../../components/Status';
import { ImportMatches } from './ImportMatches';
import { runWardJob } from './ward-jobs';

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; base64: string; preview: WardImportPreviewDto }
  | { kind: 'applying'; fileName: string; base64: string; preview: WardImportPreviewDto }
  | { kind: 'failed'; error: ApiError };

/**
 * Load the county's ward boundaries: pick a file, see which feature is which ward, what is left
 * out and which wards get no shape, then confirm. Nothing is saved before "Load these boundaries".
 */
export function LoadBoundaries({ cycle, onLoaded, onCancel }: { cycle: CycleDto; onLoaded: () => void; onCancel?: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [source, setSource] = useState('');

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'reading', fileName: file.name });
    const base64 = await fileToBase64(file);
    const result = await runWardJob(api('wards:importPreview', { cycleId: cycle.id, fileName: file.name, base64 }), api);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    if (result.value.state !== 'preview') return;
    setSource(file.name.replace(/\.[a-z]+$/i, ''));
    setState({ kind: 'preview', fileName: file.name, base64, preview: result.value.preview });
  };

  const apply = async () => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'applying' });
    const input = { cycleId: cycle.id, fileName: state.fileName, base64: state.base64, source, expectedDigest: state.preview.digest };
    const result = await runWardJob(api('wards:importApply', input), api);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    onLoaded();
  };

  const preview = state.kind === 'preview' || state.kind === 'applying' ? state.preview : null;
  return (
    <section className="section map-load" aria-labelledby="map-load-heading">
      <h2 id="map-load-heading">Load ward boundaries</h2>
      <p className="muted">
        A GeoJSON or TopoJSON file, or a zipped shapefile (the .shp with its .dbf and .prj in one .zip). The wards are recognised by their IEBC code or their
        name; you see which is which before anything is saved.
      </p>
      <Field label="Boundary file">
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".geojson,.json,.topojson,.zip,application/geo+json,application/zip"
            disabled={state.kind === 'reading' || state.kind === 'applying'}
            onChange={(event) => void pick(event.target.files?.[0])}
          />
        )}
      </Field>
      <div role="status" aria-live="polite">
        {state.kind === 'reading' ? <p>Reading {state.fileName}…</p> : null}
      </div>
      {state.kind === 'failed' ? <ErrorPanel title="These boundaries could not be loaded. Nothing was saved." error={state.error} /> : null}
      {preview ? (
        <>
          <ImportMatches preview={preview} />
          <Field label="Where the boundaries come from (printed under every map)">
            {(control) => (
              <input
                {...control}
                type="text"
                value={source}
                maxLength={200}
                onChange={(event) => setSource(event.target.value)}
                placeholder="e.g. Isiolo County GIS Unit, 2024"
              />
            )}
          </Field>
          <p className="map-load__actions">
            <Button kind="primary" disabled={state.kind === 'applying'} onClick={() => void apply()}>
              {state.kind === 'applying' ? 'Loading…' : `Load these boundaries (${preview.matches.length} ${preview.matches.length === 1 ? 'ward' : 'wards'})`}
            </Button>
            {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
