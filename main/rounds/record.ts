import type { AppContext } from '../services/context';
import { memberStatuses } from './status';
import type { RoundRow } from './store';

/**
 * The round's record as the audit log keeps it when the round closes: who was asked, how and when,
 * who answered with which file and when, and what was still missing.
 */
export function roundRecord(ctx: AppContext, round: RoundRow) {
  return {
    periodKey: round.periodKey,
    dueDate: round.dueDate,
    members: memberStatuses(ctx, round).map((m) => ({
      organisationId: m.organisationId,
      organisation: m.shortName,
      channel: m.channel,
      askedAt: m.askedAt,
      remindedAt: m.remindedAt,
      state: m.state,
      missing: m.missingText,
      returns: m.returns.map((r) => ({
        fileName: r.fileName,
        receivedAt: r.receivedAt,
        applied: r.applied,
        late: r.late,
        bundleImportId: r.bundleImportId,
        changeId: r.changeId,
      })),
    })),
  };
}
