import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import { cycleCreateShape } from '../../../shared/api/schemas/cycle';
import { maxLengthOf } from '../../../shared/api/schemas/fields';
import type { AdminUnitDto } from '../../../shared/api/schemas/admin';
import { cyclePhases } from '../../../shared/domain/vocabulary';
import { api } from '../../api/api';
import { dateHint } from '../../components/form/date-hint';
import { DateInput } from '../../components/form/DateInput';
import { Field } from '../../components/form/Field';
import { ReportingPeriodSelect } from './ReportingPeriodSelect';
import { Form } from '../../components/form/Form';
import { SubmitButton } from '../../components/form/SubmitButton';
import { useSubmit } from '../../components/form/use-submit';
import { showNotice } from '../../components/notices';
import { cycleRoute } from '../../routing/routes';
import { navigate } from '../../routing/navigate';
import { cycleFormDefaults, cycleFormFields, fiscalYearChoices, toCycleInput, withFiscalYear, type CycleFormValues } from './cycle-form';

interface CreateCycleFormProps {
  counties: readonly AdminUnitDto[];
  defaultCountyId: string;
  today: string;
}

export function CreateCycleForm({ counties, defaultCountyId, today }: CreateCycleFormProps) {
  const [values, setValues] = useState<CycleFormValues>(() => cycleFormDefaults(today, defaultCountyId));
  const form = useSubmit(cycleFormFields);
  const errors = form.errors.byField;
  const set = <K extends keyof CycleFormValues>(key: K, value: CycleFormValues[K]) => setValues((previous) => ({ ...previous, [key]: value }));

  const create = async () => {
    const draft = toCycleInput(values);
    const cycle = await form.submit(async () => (draft.ok ? api('cycle:create', draft.value) : draft));
    if (!cycle) return;
    showNotice(`Saved: the cycle “${cycle.title}” was created.`);
    navigate(cycleRoute(cycle.id));
  };

  const reset = () => {
    setValues(cycleFormDefaults(today, defaultCountyId));
    form.clearErrors();
  };

  return (
    <Form label="Create a new cycle" className="form--grid" errors={form.errors} busy={form.busy} onSubmit={() => void create()} onCancel={reset}>
      <Field label="Title" name="title" hint="As it will appear on the plan, e.g. Isiolo County Joint Work Plan FY 2026/27" error={errors.title} wide>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={maxLengthOf(cycleCreateShape.title)}
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </Field>
      <Field label="County" name="countyId" error={errors.countyId}>
        {(control) => (
          <select {...control} value={values.countyId} onChange={(event) => set('countyId', event.target.value)}>
            {counties.map((county) => (
              <option key={county.id} value={county.id}>
                {county.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Fiscal year" name="fiscalYear" hint="County FY, 1 July – 30 June" error={errors.fiscalYear}>
        {(control) => (
          <select
            {...control}
            value={values.fiscalYear}
            onChange={(event) => {
              const fiscalYear = event.target.value;
              setValues((previous) => withFiscalYear(previous, fiscalYear));
            }}
          >
            {fiscalYearChoices(today).map((year) => (
              <option key={year} value={year}>
                FY {year}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Start date" name="startDate" hint={dateHint(values.startDate)} error={errors.startDate}>
        {(control) => <DateInput {...control} value={values.startDate} onChange={(text) => set('startDate', text)} />}
      </Field>
      <Field label="End date" name="endDate" hint={dateHint(values.endDate)} error={errors.endDate}>
        {(control) => <DateInput {...control} value={values.endDate} onChange={(text) => set('endDate', text)} />}
      </Field>
      <Field label="Reporting period" name="reportingPeriod" error={errors.reportingPeriod}>
        {(control) => <ReportingPeriodSelect control={control} value={values.reportingPeriod} onChange={(value) => set('reportingPeriod', value)} />}
      </Field>
      <Field label="Phase" name="phase" error={errors.phase}>
        {(control) => (
          <select
            {...control}
            value={values.phase}
            onChange={(event) => set('phase', cyclePhases.keys.find((key) => key === event.target.value) ?? 'planning')}
          >
            {cyclePhases.keys.map((key) => (
              <option key={key} value={key}>
                {cyclePhases.label(key)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Exchange rate (KES per USD)" name="kesPerUsdScaled" hint="Shillings per US dollar, e.g. 129.35" error={errors.kesPerUsdScaled}>
        {(control) => (
          <input {...control} type="text" inputMode="decimal" autoComplete="off" value={values.rate} onChange={(event) => set('rate', event.target.value)} />
        )}
      </Field>
      <Field label="Rate date" name="exchangeRateDate" hint={dateHint(values.rateDate, 'the day the rate was read')} error={errors.exchangeRateDate}>
        {(control) => <DateInput {...control} value={values.rateDate} onChange={(text) => set('rateDate', text)} />}
      </Field>
      <div className="form__actions field--wide">
        <SubmitButton busy={form.busy} label="Create cycle" busyLabel="Creating…" />
        <Button kind="quiet" onClick={reset}>
          Clear
        </Button>
        <span className="form__keys">Enter saves · Esc clears</span>
      </div>
    </Form>
  );
}
