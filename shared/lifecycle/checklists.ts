import { cyclePhases } from '../domain/vocabulary';

export type CyclePhase = (typeof cyclePhases.keys)[number];

export interface ChecklistStep {
  /** Stable key stored with a tick; never renamed once shipped. */
  key: string;
  label: string;
  /** Where the manual describes it, so the Secretariat can look it up. */
  source: string;
}

/**
 * The phases' checklists, step by step from the county JWP implementation manual, chapter 4
 * (4.1 preparatory, 4.2 planning, 4.3 implementation, 4.4 monitoring, review & adaptation,
 * 4.5 close-out). The Secretariat ticks each step with the date it happened.
 */
export const phaseChecklists: Record<CyclePhase, readonly ChecklistStep[]> = {
  preparatory: [
    { key: 'inception_team', label: 'JWP inception team constituted (County Secretary, Economic Affairs, development partners)', source: '4.1 step 1' },
    { key: 'inception_meetings', label: 'Inception team preparatory meetings held and roll-out roadmap agreed', source: '4.1 step 2' },
    { key: 'stakeholder_mapping', label: 'Key actors identified and stakeholder mapping done', source: '4.1 step 3' },
    { key: 'invitation_letters', label: 'Official letters sent inviting development partners to take part', source: '4.1 step 3' },
    { key: 'nominations', label: 'Written nominations of participants received', source: '4.1 laying the groundwork' },
    { key: 'twg_appointed', label: 'TWG / Steering Committee appointed with terms of reference', source: '4.1 TWG/SC' },
    { key: 'secretariat_appointed', label: 'JWP Secretariat appointed', source: '4.1 Secretariat' },
    { key: 'cost_share_commitments', label: 'Early cost-sharing commitments secured', source: '4.1 laying the groundwork' },
  ],
  planning: [
    { key: 'adp_approved', label: 'Annual Development Plan (ADP) approved by the County Assembly', source: '4.2 step 1' },
    { key: 'sector_plans', label: 'Sectoral action plans developed from the approved ADP', source: '4.2 step 1' },
    { key: 'co_creation_workshop', label: 'JWP co-creation workshop held (SMART priorities, M&E plan, cost-sharing)', source: '4.2 step 2' },
    { key: 'plans_consolidated', label: 'Sector work plans consolidated by the Secretariat', source: '4.2 step 3' },
    { key: 'twg_review', label: 'Consolidated plan reviewed by the TWG / Steering Committee', source: '4.2 step 3' },
    { key: 'cec_approval', label: 'Plan approved by the County Executive Committee', source: '4.2 step 3' },
    { key: 'signatures', label: "Signed by the County Secretary, CEC Finance & Economic Planning and partners' leadership", source: '4.2 step 3' },
  ],
  implementation: [
    { key: 'activities_started', label: 'Joint activities started by county departments and partners', source: '4.3' },
    { key: 'consultative_meetings', label: 'Regular consultative meetings held to review progress', source: '4.3' },
    { key: 'technical_support', label: 'Technical support and quality assurance by the TWG and Secretariat', source: '4.3' },
    { key: 'progress_communicated', label: 'Progress updates shared with stakeholders and communities', source: '4.3' },
  ],
  monitoring: [
    { key: 'joint_site_visits', label: 'Joint monitoring site visits held', source: '4.4 step 1' },
    { key: 'progress_reports', label: 'Progress reports prepared, reviewed by the TWG and shared', source: '4.4 step 2' },
    { key: 'pause_and_reflect', label: 'Pause-and-reflect workshop held', source: '4.4 step 3' },
    { key: 'mid_term_review', label: 'Mid-term review done', source: '4.4 step 4' },
    { key: 'end_of_cycle_evaluation', label: 'End-of-cycle evaluation done', source: '4.4 step 4' },
    { key: 'adjustments_agreed', label: 'Adjustments validated by the TWG and shared', source: '4.4 step 5' },
  ],
  close_out: [
    { key: 'end_of_phase_report', label: 'End-of-cycle report written (achievements, challenges, lessons)', source: '4.5' },
    { key: 'visual_documentation', label: 'Photos, videos and impact stories collected', source: '4.5' },
    { key: 'close_out_meeting', label: 'Close-out meeting held with stakeholders; recommendations agreed', source: '4.5' },
    { key: 'feedback_loop', label: 'Lessons fed into the next cycle (plan-do-check-act)', source: '4.5' },
  ],
};

export const phaseOrder = cyclePhases.keys;

export function checklistStep(phase: CyclePhase, key: string): ChecklistStep | undefined {
  return phaseChecklists[phase].find((step) => step.key === key);
}

/** The planning phase's step that approval ticks, and the one a complete set of signatures ticks. */
export const APPROVAL_STEP = { phase: 'planning', key: 'cec_approval' } as const;
export const SIGNATURES_STEP = { phase: 'planning', key: 'signatures' } as const;
