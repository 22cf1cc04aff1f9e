import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { showNotice } from '../../components/notices';
import { cycleRoute } from '../../routing/routes';
import { navigate } from '../../routing/navigate';

/** Loads the Isiolo sample, a full cycle to explore or to train staff on, then opens it. */
export function SampleCycleButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async () => {
    setBusy(true);
    setError(null);
    const result = await api('cycle:loadSample', {});
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    showNotice(`Loaded the sample cycle “${result.value.title}”.`);
    navigate(cycleRoute(result.value.id));
  };

  return (
    <div className="sample" aria-busy={busy}>
      <Button kind="primary" size="large" disabled={busy} onClick={() => void load()}>
        {busy ? 'Loading the sample cycle…' : 'Load the sample cycle (Isiolo County, FY 2026/27)'}
      </Button>
      <p className="sample__note">
        A complete joint work plan with partners, activities, budget, indicators and risks. It is added as a separate cycle; your own cycles are not touched.
      </p>
      {error ? (
        <p className="field__error" role="alert">
          The sample was not loaded. {error.message}
        </p>
      ) : null}
    </div>
  );
}
