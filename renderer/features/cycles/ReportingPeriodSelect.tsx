import { reportingFrequencies } from '../../../shared/domain/vocabulary';
import type { ReportingFrequency } from '../../../shared/reporting-periods';
import type { ControlProps } from '../../components/form/Field';

/** How often partners report (monthly, quarterly, twice a year), for the create and settings forms. */
export function ReportingPeriodSelect({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: ReportingFrequency;
  onChange: (value: ReportingFrequency) => void;
}) {
  return (
    <select {...control} value={value} onChange={(event) => onChange(reportingFrequencies.keys.find((key) => key === event.target.value) ?? 'quarterly')}>
      {reportingFrequencies.keys.map((key) => (
        <option key={key} value={key}>
          {reportingFrequencies.label(key)}
        </option>
      ))}
    </select>
  );
}
