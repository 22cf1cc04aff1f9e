import type { ReactNode } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { CycleScreen } from '../../routing/routes';
import { ActionPlanScreen } from '../action-plan/ActionPlanScreen';
import { ApprovalsScreen } from '../approvals/ApprovalsScreen';
import { BudgetScreen } from '../budget/BudgetScreen';
import { IndicatorsScreen } from '../indicators/IndicatorsScreen';
import { ObjectivesScreen } from '../objectives/ObjectivesScreen';
import { OverviewScreen } from '../overview/OverviewScreen';
import { ReviewsScreen } from '../reviews/ReviewsScreen';
import { RisksScreen } from '../risks/RisksScreen';
import { StakeholdersScreen } from '../stakeholders/StakeholdersScreen';
import { extraScreens, type ScreenRender } from './extra-screens';

interface ScreenEntry {
  screen: CycleScreen;
  label: string;
  render: ScreenRender | undefined;
}

/** The registers in the plan template's order, then what the plan produces and what it reveals. */
export const cycleNavigation: readonly ScreenEntry[] = [
  { screen: 'overview', label: 'Overview', render: (cycle) => <OverviewScreen cycle={cycle} /> },
  { screen: 'stakeholders', label: 'Stakeholders', render: (cycle) => <StakeholdersScreen cycle={cycle} /> },
  { screen: 'objectives', label: 'Objectives', render: (cycle) => <ObjectivesScreen cycle={cycle} /> },
  { screen: 'action-plan', label: 'Action plan', render: (cycle) => <ActionPlanScreen cycle={cycle} /> },
  { screen: 'budget', label: 'Budget', render: (cycle) => <BudgetScreen cycle={cycle} /> },
  { screen: 'indicators', label: 'Indicators', render: (cycle) => <IndicatorsScreen cycle={cycle} /> },
  { screen: 'risks', label: 'Risks', render: (cycle) => <RisksScreen cycle={cycle} /> },
  { screen: 'reviews', label: 'Reviews & learning', render: (cycle) => <ReviewsScreen cycle={cycle} /> },
  { screen: 'approvals', label: 'Approvals', render: (cycle) => <ApprovalsScreen cycle={cycle} /> },
  { screen: 'lifecycle', label: 'Versions & close-out', render: extraScreens.lifecycle },
  { screen: 'deliverables', label: 'Deliverables', render: extraScreens.deliverables },
  { screen: 'analysis', label: 'Analysis', render: extraScreens.analysis },
  { screen: 'map', label: 'Ward map', render: extraScreens.map },
  { screen: 'exchange', label: 'Partner bundles', render: extraScreens.exchange },
  { screen: 'reporting-round', label: 'Reporting round', render: extraScreens['reporting-round'] },
];

/** Only screens that are part of this build are offered. */
export const availableScreens = cycleNavigation.filter((entry) => entry.render !== undefined);

export function renderCycleScreen(screen: CycleScreen, cycle: CycleDto, reloadCycle: () => void): ReactNode {
  const entry = cycleNavigation.find((candidate) => candidate.screen === screen);
  if (entry?.render) return entry.render(cycle, reloadCycle);
  return (
    <section className="section">
      <h2>{entry?.label ?? 'This screen'} is not part of this version</h2>
      <p className="empty">Choose another screen on the left.</p>
    </section>
  );
}
