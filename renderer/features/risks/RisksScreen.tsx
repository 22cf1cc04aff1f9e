import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { levels, riskStatuses } from '../../../shared/domain/vocabulary';
import { allReady } from '../../api/all-ready';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { RegisterSection } from '../../components/register/RegisterSection';
import { useEditor } from '../../components/register/use-editor';
import { indexById } from '../lookups/lookups';
import { HeatMap } from './HeatMap';
import { describeRisk, riskColumns, riskDefaults, riskFields } from './risk-register';
import { highRisks, isLive, type HeatCell } from '../../../shared/analysis/risk-matrix';

type Cell = Pick<HeatCell, 'likelihood' | 'impact'>;

export function RisksScreen({ cycle }: { cycle: CycleDto }) {
  const risks = useApiQuery('risk:list', { cycleId: cycle.id });
  const organisations = useApiQuery('organisation:list', { cycleId: cycle.id });
  const editor = useEditor();
  const [cell, setCell] = useState<Cell | null>(null);
  return (
    <QueryView query={allReady(risks, organisations)} what="the risk register">
      {([rows, orgs], reload) => {
        const shown = cell ? rows.filter((risk) => isLive(risk) && risk.likelihood === cell.likelihood && risk.impact === cell.impact) : rows;
        return (
          <>
            <section className="section" aria-labelledby="heatmap-heading">
              <h2 id="heatmap-heading">Heat map</h2>
              <p className="section__lead">Risks by likelihood and impact. Choose a cell to list its risks below.</p>
              <div className="heatmap-layout">
                <HeatMap risks={rows} selected={cell} onSelect={(next) => setCell(next ? { likelihood: next.likelihood, impact: next.impact } : null)} />
                <div className="panel">
                  <h3>Rated high and not closed</h3>
                  {highRisks(rows).length === 0 ? (
                    <p className="muted">None. Risks rated high (high × medium or worse) are listed here.</p>
                  ) : (
                    <ul className="plain-list plain-list--lines">
                      {highRisks(rows).map((risk) => (
                        <li key={risk.id}>
                          <Button kind="link" onClick={() => editor.openRow(risk.id)}>
                            {risk.code || 'Risk'}
                          </Button>{' '}
                          {risk.description} <span className="muted">({riskStatuses.label(risk.status)})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </section>
            <RegisterSection
              register="risk"
              noun="risk"
              nounPlural="risks"
              heading="Risk register"
              cycleId={cycle.id}
              rows={rows}
              shownRows={shown}
              reload={reload}
              columns={riskColumns(indexById(orgs), reload)}
              fields={riskFields(orgs)}
              defaults={riskDefaults}
              describe={describeRisk}
              emptyText={
                orgs.length === 0
                  ? 'Add an organisation first (Stakeholders): every risk has a responsible entity.'
                  : 'No risks yet. Add what could stop the plan — drought, late releases, insecurity — with who will act on each.'
              }
              editor={editor}
              toolbar={
                cell ? (
                  <p className="filters__count">
                    Showing risks of {levels.label(cell.likelihood).toLowerCase()} likelihood and {levels.label(cell.impact).toLowerCase()} impact.{' '}
                    <Button kind="link" onClick={() => setCell(null)}>
                      Show all risks
                    </Button>
                  </p>
                ) : null
              }
            />
          </>
        );
      }}
    </QueryView>
  );
}
