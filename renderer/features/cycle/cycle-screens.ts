import type { CycleScreen } from '../../routing/routes';

/**
 * The registers in the left navigation. Only screens that exist are listed; the later registers
 * (objectives, action plan, budget, indicators, risks, reviews, approvals) join as they are built.
 */
export const cycleNavigation: readonly { screen: CycleScreen; label: string }[] = [
  { screen: 'overview', label: 'Overview' },
  { screen: 'stakeholders', label: 'Stakeholders' },
];
