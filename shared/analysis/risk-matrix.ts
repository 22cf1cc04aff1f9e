import type { RiskDto } from '../api/schemas/monitoring';
import type { levels } from '../domain/vocabulary';
import { naturalCompare } from '../natural-order';

type Level = (typeof levels.keys)[number];

const RANK: Record<Level, number> = { low: 1, medium: 2, high: 3 };

/** Likelihood × impact, 1 (low × low) to 9 (high × high). */
export const riskScore = (risk: Pick<RiskDto, 'likelihood' | 'impact'>): number => RANK[risk.likelihood] * RANK[risk.impact];

export type Severity = 'low' | 'medium' | 'high';

/** High from 6 (high × medium), medium from 3: the bands of the usual 3 × 3 heat map. */
export function severityOf(score: number): Severity {
  if (score >= 6) return 'high';
  return score >= 3 ? 'medium' : 'low';
}

/** A risk still to be watched: closed risks drop out of the heat map and the high-risk list. */
export const isLive = (risk: Pick<RiskDto, 'status'>): boolean => risk.status !== 'closed';

export interface HeatCell {
  likelihood: Level;
  impact: Level;
  count: number;
  severity: Severity;
}

/** Rows from high impact down, columns from low likelihood across, as the heat map draws them. */
export const IMPACT_ROWS: readonly Level[] = ['high', 'medium', 'low'];
export const LIKELIHOOD_COLUMNS: readonly Level[] = ['low', 'medium', 'high'];

export function heatMap(risks: readonly Pick<RiskDto, 'likelihood' | 'impact' | 'status'>[]): HeatCell[][] {
  return IMPACT_ROWS.map((impact) =>
    LIKELIHOOD_COLUMNS.map((likelihood) => ({
      likelihood,
      impact,
      count: risks.filter((risk) => isLive(risk) && risk.likelihood === likelihood && risk.impact === impact).length,
      severity: severityOf(RANK[likelihood] * RANK[impact]),
    })),
  );
}

/** Live risks scoring high, worst first: what the overview lists. */
export function highRisks<R extends Pick<RiskDto, 'likelihood' | 'impact' | 'status' | 'code'>>(risks: readonly R[]): R[] {
  return risks
    .filter((risk) => isLive(risk) && severityOf(riskScore(risk)) === 'high')
    .sort((a, b) => riskScore(b) - riskScore(a) || naturalCompare(a.code, b.code));
}
