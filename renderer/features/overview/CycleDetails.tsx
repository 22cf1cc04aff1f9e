import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { formatDisplayDate } from '../../../shared/dates';
import { cyclePhases, reportingFrequencies } from '../../../shared/domain/vocabulary';
import { formatRate } from '../../../shared/money';

/** The cycle's general information (template section 1). */
export function CycleDetails({ cycle }: { cycle: CycleDto }) {
  return (
    <dl className="details">
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
    </dl>
  );
}
