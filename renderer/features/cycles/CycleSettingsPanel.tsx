import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import { cycleCreateShape, type CycleDto } from '../../../shared/api/schemas/cycle';
import { maxLengthOf } from '../../../shared/api/schemas/fields';
import { api } from '../../api/api';
import { dataChanged } from '../../api/data-version';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Drawer } from '../../components/Drawer';
import { dateHint } from '../../components/form/date-hint';
import { DateInput } from '../../components/form/DateInput';
import { Field } from '../../components/form/Field';
import { ReportingPeriodSelect } from './ReportingPeriodSelect';
import { Form } from '../../components/form/Form';
import { SubmitButton } from '../../components/form/SubmitButton';
import { useSubmit } from '../../components/form/use-submit';
import { showNotice } from '../../components/notices';
import { noticeWithUndo } from '../../components/undo';
import { navigate } from '../../routing/navigate';
import { organisationOptions } from '../lookups/lookups';
import { cycleSettingsChanges, cycleSettingsFields, cycleSettingsOf, type CycleSettingsValues } from './cycle-settings';

/**
 * The cycle's own settings after it is made: title, lead agency, the exchange rate and its date
 * (every KES figure follows the rate), the reporting frequency and the dates; below them,
 * archiving the cycle or deleting it (a backup first, its title typed to confirm).
 */
export function CycleSettingsPanel({ cycle, onClose }: { cycle: CycleDto; onClose: () => void }) {
  const [values, setValues] = useState<CycleSettingsValues>(() => cycleSettingsOf(cycle));
  const [deleting, setDeleting] = useState(false);
  const orgs = useApiQuery('organisation:list', { cycleId: cycle.id });
  const form = useSubmit(cycleSettingsFields);
  const errors = form.errors.byField;
  const set = <K extends keyof CycleSettingsValues>(key: K, value: CycleSettingsValues[K]) => setValues((previous) => ({ ...previous, [key]: value }));

  const save = async () => {
    const changes = cycleSettingsChanges(cycle, values);
    if (changes.ok && Object.keys(changes.value).length === 0) {
      showNotice('Nothing to save: no setting of the cycle was changed.');
      return onClose();
    }
    const saved = await form.submit(async () => (changes.ok ? api('cycle:update', { id: cycle.id, changes: changes.value }) : changes));
    if (!saved) return;
    const rateMoved = saved.kesPerUsdScaled !== cycle.kesPerUsdScaled;
    void noticeWithUndo(`Saved: the settings of “${saved.title}”.${rateMoved ? ' Every KES figure now uses the new rate.' : ''}`, cycle.id);
    dataChanged();
    onClose();
  };

  const archive = async (archived: boolean) => {
    const result = await api('cycle:archive', { id: cycle.id, archived });
    if (!result.ok) return showNotice(result.error.message, { tone: 'problem' });
    void noticeWithUndo(
      archived ? `Archived: “${cycle.title}” is kept whole and listed apart from the current cycles.` : `“${cycle.title}” is a current cycle again.`,
      cycle.id,
    );
    dataChanged();
    onClose();
  };

  return (
    <Drawer title="Cycle settings" onClose={onClose}>
      <Form label="Cycle settings" className="form--grid editor" errors={form.errors} busy={form.busy} onSubmit={() => void save()} onCancel={onClose}>
        <Field label="Title" name="title" error={errors.title} wide>
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
        <Field label="Lead agency" name="leadOrgId" hint="Printed on the plan's cover; one of the cycle's organisations." error={errors.leadOrgId} wide>
          {(control) => (
            <select {...control} value={values.leadOrgId} onChange={(event) => set('leadOrgId', event.target.value)}>
              <option value="">— not yet named —</option>
              {orgs.status === 'ready'
                ? organisationOptions(orgs.value).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))
                : null}
            </select>
          )}
        </Field>
        <Field label="Exchange rate (KES per USD)" name="kesPerUsdScaled" hint="Every KES figure of USD amounts follows it." error={errors.kesPerUsdScaled}>
          {(control) => (
            <input {...control} type="text" inputMode="decimal" autoComplete="off" value={values.rate} onChange={(event) => set('rate', event.target.value)} />
          )}
        </Field>
        <Field label="Rate date" name="exchangeRateDate" hint={dateHint(values.rateDate, 'the day the rate was read')} error={errors.exchangeRateDate}>
          {(control) => <DateInput {...control} value={values.rateDate} onChange={(text) => set('rateDate', text)} />}
        </Field>
        <Field label="Reporting period" name="reportingPeriod" error={errors.reportingPeriod}>
          {(control) => <ReportingPeriodSelect control={control} value={values.reportingPeriod} onChange={(value) => set('reportingPeriod', value)} />}
        </Field>
        <span aria-hidden="true" />
        <Field label="Start date" name="startDate" hint={dateHint(values.startDate, `within FY ${cycle.fiscalYear}`)} error={errors.startDate}>
          {(control) => <DateInput {...control} value={values.startDate} onChange={(text) => set('startDate', text)} />}
        </Field>
        <Field label="End date" name="endDate" hint={dateHint(values.endDate)} error={errors.endDate}>
          {(control) => <DateInput {...control} value={values.endDate} onChange={(text) => set('endDate', text)} />}
        </Field>
        <div className="form__actions editor__actions field--wide">
          <SubmitButton busy={form.busy} label="Save settings" busyLabel="Saving…" />
          <Button kind="quiet" onClick={onClose}>
            Cancel
          </Button>
        </div>
        <p className="form__keys field--wide">Enter saves · Esc cancels · changes are recorded in the audit log</p>
      </Form>
      <section className="danger-zone" aria-labelledby="cycle-keep-heading">
        <h3 id="cycle-keep-heading">Archive or delete</h3>
        <p className="muted">
          {cycle.archivedAt
            ? 'This cycle is archived: kept whole, listed apart from the current cycles.'
            : 'Archiving keeps everything and lists the cycle apart from the current ones. Deleting removes it and all its registers, after a backup.'}
        </p>
        <p className="danger-zone__actions">
          <Button onClick={() => void archive(cycle.archivedAt === null)}>{cycle.archivedAt ? 'Bring back from the archive' : 'Archive this cycle'}</Button>
          <Button kind="danger-quiet" onClick={() => setDeleting(true)}>
            Delete this cycle…
          </Button>
        </p>
      </section>
      {deleting ? <DeleteCycleDialog cycle={cycle} onCancel={() => setDeleting(false)} /> : null}
    </Drawer>
  );
}

function DeleteCycleDialog({ cycle, onCancel }: { cycle: CycleDto; onCancel: () => void }) {
  const [typed, setTyped] = useState('');
  const remove = async (): Promise<string | null> => {
    const result = await api('cycle:delete', { id: cycle.id, confirmTitle: typed });
    if (!result.ok) return result.error.message;
    const backup = result.value.backupFile ? ` A backup was taken first (${result.value.backupFile}): restore it from Backups to bring the cycle back.` : '';
    showNotice(`Deleted: the cycle “${cycle.title}” and everything in it.${backup}`);
    navigate({ name: 'start' });
    return null;
  };
  return (
    <ConfirmDialog
      title="Delete this whole cycle?"
      message={`“${cycle.title}” and every register in it will be deleted. A verified backup of the database is taken first. Type the cycle's title to confirm.`}
      confirmLabel="Delete the cycle"
      busyLabel="Backing up and deleting…"
      danger
      ready={typed.trim() === cycle.title}
      onConfirm={remove}
      onCancel={onCancel}
    >
      <Field label="Title of the cycle">
        {(control) => (
          <input {...control} type="text" autoComplete="off" value={typed} placeholder={cycle.title} onChange={(event) => setTyped(event.target.value)} />
        )}
      </Field>
    </ConfirmDialog>
  );
}
