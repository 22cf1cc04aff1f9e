import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import { useMemo, useState } from 'react';
import type { ContributionDto, DisbursementDto } from '../../../shared/api/schemas/budget';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto } from '../../../shared/api/schemas/plan';
import { contributionTypes, sectors } from '../../../shared/domain/vocabulary';
import { countNotValued, isCounted, lineAmountText, notValuedNote } from '../../../shared/budget-lines';
import { formatMoney, toKesMinor } from '../../../shared/money';
import { kes } from '../../components/charts/money-format';
import type { Editor } from '../../components/register/use-editor';
import { orgShortName, vocabularyOptions } from '../lookups/lookups';
import { sortByCode } from '../../../shared/analysis/activity-filter';
import { isCountyGovernment } from '../../../shared/domain/organisations';
import { NO_ACTIVITY, NO_ACTIVITY_LABEL } from './budget-totals';

interface CostShareGridProps {
  kesPerUsdScaled: number;
  activities: readonly ActivityDto[];
  contributions: readonly ContributionDto[];
  disbursements: readonly DisbursementDto[];
  orgs: ReadonlyMap<string, OrganisationDto>;
  lineEditor: Editor;
  disbursementEditor: Editor;
  /** While lines or activities are still being read: how far; null once every one is here. */
  reading: { lines: number; totalLines: number } | null;
}

const PAGE = 15;

interface Group {
  key: string;
  title: string;
  sector: string;
  cancelled: boolean;
  lines: ContributionDto[];
}

/**
 * The Budget template's grid: per activity, one line per contributor (cash / in kind, KES / USD),
 * each converted to KES at the cycle's rate, the county's and partners' shares, and what has been
 * disbursed. Lines are added and changed from here.
 */
export function CostShareGrid({
  kesPerUsdScaled,
  activities,
  contributions,
  disbursements,
  orgs,
  lineEditor,
  disbursementEditor,
  reading,
}: CostShareGridProps) {
  const [sector, setSector] = useState('');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);

  const partial = reading !== null;
  const groups = useMemo(() => {
    const byActivity = new Map<string, ContributionDto[]>();
    for (const line of contributions) {
      const key = line.activityId ?? NO_ACTIVITY;
      byActivity.set(key, [...(byActivity.get(key) ?? []), line]);
    }
    const list: Group[] = sortByCode(activities).map((activity) => ({
      key: activity.id,
      title: activity.code ? `${activity.code} ${activity.title}` : activity.title,
      sector: activity.sector,
      cancelled: activity.status === 'cancelled',
      lines: byActivity.get(activity.id) ?? [],
    }));
    const unlinked = byActivity.get(NO_ACTIVITY);
    if (unlinked) list.push({ key: NO_ACTIVITY, title: NO_ACTIVITY_LABEL, sector: '', cancelled: false, lines: unlinked });
    if (!partial) return list;
    // Lines arrive under their activities in this order: every activity before the last line's has
    // all its lines; that one and those after may not yet, and are not shown with a wrong sum.
    const lastActivity = contributions.at(-1)?.activityId;
    const reached = list.findIndex((group) => group.key === lastActivity);
    // Its activity not read yet (or no line at all): every activity read so far comes before it.
    return reached === -1 ? list : list.slice(0, reached);
  }, [activities, contributions, partial]);

  const disbursedByLine = useMemo(() => {
    const totals = new Map<string, number>();
    for (const payment of disbursements) totals.set(payment.contributionId, (totals.get(payment.contributionId) ?? 0) + payment.amountMinor);
    return totals;
  }, [disbursements]);

  const needle = text.trim().toLowerCase();
  // Filters wait for every activity: a filtered count over some of them would be wrong.
  const shown = reading ? groups : groups.filter((group) => (!sector || group.sector === sector) && (!needle || group.title.toLowerCase().includes(needle)));

  return (
    <div className="cost-share">
      <div className="filters">
        <label className="filter">
          <span className="filter__label">Sector</span>
          <select value={sector} disabled={reading !== null} onChange={(event) => setSector(event.target.value)}>
            <option value="">All sectors</option>
            {vocabularyOptions(sectors).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter filter--text">
          <span className="filter__label">Activity</span>
          <input type="search" value={text} disabled={reading !== null} placeholder="Code or title…" onChange={(event) => setText(event.target.value)} />
        </label>
        <p className="filters__count" aria-live="polite">
          {reading
            ? `${reading.lines.toLocaleString('en-KE')} of ${reading.totalLines.toLocaleString('en-KE')} budget lines read, reading the rest…`
            : `${shown.length.toLocaleString('en-KE')} of ${groups.length.toLocaleString('en-KE')} activities and components`}
        </p>
      </div>
      <DataTable label="Cost-share budget per activity" fixed className="grid">
        <colgroup>
          <col style={{ width: '17%' }} />
          <col style={{ width: '25%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '7%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Contributor</th>
            <th scope="col">Component</th>
            <th scope="col">Type</th>
            <th scope="col" className="cell--num">
              Amount
            </th>
            <th scope="col" className="cell--num">
              In KES
            </th>
            <th scope="col" className="cell--num">
              Disbursed
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {shown.slice(0, limit).map((group) => {
          const total = group.lines.reduce((sum, line) => sum + toKesMinor(line, kesPerUsdScaled), 0);
          const county = group.lines
            .filter((line) => isCountyGovernment(orgs.get(line.contributorOrgId)))
            .reduce((sum, line) => sum + toKesMinor(line, kesPerUsdScaled), 0);
          const unvalued = notValuedNote(countNotValued(group.lines));
          return (
            <tbody key={group.key} className={group.cancelled ? 'grid__group grid__group--cancelled' : 'grid__group'}>
              <tr className="grid__head">
                <th scope="rowgroup" colSpan={4}>
                  {group.title}
                  {group.sector ? <span className="cell__sub">{sectorName(group.sector)}</span> : null}
                  {group.cancelled ? <span className="badge badge--cancelled">Cancelled: not in the totals</span> : null}
                </th>
                <td className="cell--num">
                  <strong>{kes(total)}</strong>
                  {total > 0 ? <span className="cell__sub">County {Math.round((county / total) * 100)} %</span> : null}
                  {unvalued ? <span className="cell__sub">{unvalued}</span> : null}
                </td>
                <td colSpan={2} className="grid__add">
                  <Button
                    size="small"
                    disabled={reading !== null}
                    onClick={() => lineEditor.openNew({ activityId: group.key === NO_ACTIVITY ? null : group.key })}
                  >
                    + Line
                  </Button>
                </td>
              </tr>
              {group.lines.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">
                    No contributions yet: add a line for each organisation paying for this activity.
                  </td>
                </tr>
              ) : null}
              {group.lines.map((line) => (
                <tr key={line.id} className={line.id === lineEditor.savedId ? 'row--saved' : undefined} data-contribution={line.component}>
                  <td>
                    <Button kind="link" disabled={reading !== null} onClick={() => lineEditor.openRow(line.id)}>
                      {orgShortName(orgs.get(line.contributorOrgId))}
                    </Button>
                  </td>
                  <td title={line.component}>{line.component}</td>
                  <td>
                    {contributionTypes.label(line.type)}
                    <span className="cell__sub">{line.onBudget ? 'On budget' : 'Off budget'}</span>
                  </td>
                  <td className="cell--num">{lineAmountText(line, { cents: 'never' })}</td>
                  <td className="cell--num">{isCounted(line) ? kes(toKesMinor(line, kesPerUsdScaled)) : '—'}</td>
                  <td className="cell--num">{formatMoney({ amountMinor: disbursedByLine.get(line.id) ?? 0, currency: line.currency }, { cents: 'never' })}</td>
                  <td>
                    <Button
                      size="small"
                      disabled={reading !== null}
                      title="Record a disbursement"
                      aria-label={`Record a disbursement of ${line.component}`}
                      onClick={() => disbursementEditor.openNew({ contributionId: line.id })}
                    >
                      + Paid
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </DataTable>
      {reading && shown.length <= limit ? <p className="muted">Reading the budget lines of the next activities…</p> : null}
      {shown.length > limit ? (
        <Button className="show-more" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more of {(shown.length - limit).toLocaleString('en-KE')} remaining
        </Button>
      ) : null}
    </div>
  );
}

const sectorName = (key: string) => vocabularyOptions(sectors).find((option) => option.value === key)?.label ?? key;
