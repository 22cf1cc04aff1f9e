import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { formatDisplayDate } from '../../../shared/dates';
import { cyclePhases, reportingFrequencies } from '../../../shared/domain/vocabulary';
import { formatRate } from '../../../shared/money';
import { useApiQuery } from '../../api/use-api-query';
import { CycleMarks } from '../cycles/CycleMarks';
import { CycleSettingsPanel } from '../cycles/CycleSettingsPanel';

/** The cycle's general information (template section 1), with the way to change it. */
export function CycleDetails({ cycle }: { cycle: CycleDto }) {
  const [editing, setEditing] = useState(false);
  const lead = useApiQuery('organisation:list', { cycleId: cycle.id });
  const leadName = lead.status === 'ready' ? (lead.value.find((org) => org.id === cycle.leadOrgId)?.name ?? null) : null;
  return (
    <>
      <dl className="details">
        <div>
          <dt>Lead agency</dt>
          <dd>{leadName ?? <span className="muted">Not yet named</span>}</dd>
        </div>
        <div>
          <dt>County</dt>
          <dd>{cycle.countyName}</dd>
        </div>
        <div>
          <dt>Fiscal year</dt>
          <dd>FY {cycle.fiscalYear}</dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>
            {formatDisplayDate(cycle.startDate)} – {formatDisplayDate(cycle.endDate)}
          </dd>
        </div>
        <div>
          <dt>Phase</dt>
          <dd>{cyclePhases.label(cycle.phase)}</dd>
        </div>
        <div>
          <dt>Reporting period</dt>
          <dd>{reportingFrequencies.label(cycle.reportingPeriod)}</dd>
        </div>
        <div>
          <dt>Exchange rate</dt>
          <dd>
            KES {formatRate(cycle.kesPerUsdScaled)} per USD <span className="muted">(rate of {formatDisplayDate(cycle.exchangeRateDate)})</span>
          </dd>
        </div>
        {cycle.source !== 'created' || cycle.archivedAt ? (
          <div>
            <dt>Kept as</dt>
            <dd>
              <CycleMarks cycle={cycle} />
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="details__actions">
        <Button size="small" onClick={() => setEditing(true)}>
          Cycle settings…
        </Button>
      </p>
      {editing ? <CycleSettingsPanel cycle={cycle} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
