import { InlineNotice } from '../../components/ui/InlineNotice';
import { DataTable } from '../../components/ui/DataTable';
import { Button } from '../../components/ui/Button';
import type { RoundMemberDto, RoundStatusDto } from '../../../shared/api/schemas/rounds';
import { formatDisplayDate } from '../../../shared/dates';
import { memberStateLabels } from '../../../shared/rounds/missing';

const day = (iso: string | null) => (iso ? formatDisplayDate(iso.slice(0, 10)) : '—');
const STATE_CHIP: Record<RoundMemberDto['state'], string> = {
  returned: 'chip chip--on_track',
  returned_late: 'chip chip--at_risk',
  problems: 'chip chip--off_track',
  late: 'chip chip--off_track',
  missing: 'chip',
  not_asked: 'chip',
};

interface Props {
  status: RoundStatusDto;
  open: boolean;
  busy: boolean;
  onDraft: (member: RoundMemberDto) => void;
  onChannel: (member: RoundMemberDto, channel: RoundMemberDto['channel']) => void;
  onRemove: (member: RoundMemberDto) => void;
}

/** Each organisation of the round: asked (how, when), returned (when, which file), changes, problems, state, still missing. */
export function RoundMembersTable({ status, open, busy, onDraft, onChannel, onRemove }: Props) {
  return (
    <DataTable label="Organisations in the round">
      <thead>
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col">Asked</th>
          <th scope="col">Returned</th>
          <th scope="col">Changed</th>
          <th scope="col">Problems</th>
          <th scope="col">State</th>
          <th scope="col">Still missing</th>
          {open ? <th scope="col">Actions</th> : null}
        </tr>
      </thead>
      <tbody>
        {status.members.map((m) => {
          const last = m.returns.at(-1);
          return (
            <tr key={m.organisationId}>
              <th scope="row" title={m.name}>
                {m.shortName}
              </th>
              <td>
                {open ? (
                  <select
                    className="round-channel"
                    aria-label={`How ${m.shortName} is asked`}
                    value={m.channel}
                    disabled={busy}
                    onChange={(e) => onChannel(m, e.target.value === 'bundle' ? 'bundle' : 'template')}
                  >
                    <option value="template">Excel template</option>
                    <option value="bundle">Bundle</option>
                  </select>
                ) : m.channel === 'bundle' ? (
                  'Bundle'
                ) : (
                  'Excel template'
                )}{' '}
                {m.askedAt ? day(m.askedAt) : 'not yet'}
                {m.remindedAt ? `, reminded ${day(m.remindedAt)}` : ''}
              </td>
              <td>{last ? `${day(last.receivedAt)} · ${last.fileName}${last.late ? ' (late)' : ''}` : '—'}</td>
              <td>{last?.applied ? `${last.added} added, ${last.changed} changed` : '—'}</td>
              <td>{last && last.problems.length ? <span title={last.problems.join('\n')}>{last.problems.length}</span> : '—'}</td>
              <td>
                <span className={STATE_CHIP[m.state]}>{memberStateLabels[m.state]}</span>
              </td>
              <td>
                {m.missingText === 'nothing' ? '—' : m.missingText}
                {m.emailProblem ? <InlineNotice tone="warning">{m.emailProblem}</InlineNotice> : null}
              </td>
              {open ? (
                <td className="round-actions">
                  <Button size="small" disabled={busy || m.emailProblem !== null} onClick={() => onDraft(m)}>
                    Open email draft
                  </Button>{' '}
                  <Button kind="danger-quiet" size="small" disabled={busy} onClick={() => onRemove(m)} aria-label={`Take ${m.shortName} out of the round`}>
                    Remove
                  </Button>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
