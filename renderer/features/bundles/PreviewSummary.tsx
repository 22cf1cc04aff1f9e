import { InlineNotice } from '../../components/ui/InlineNotice';
import { DataTable } from '../../components/ui/DataTable';
import type { BundlePreviewDto } from '../../../shared/api/schemas/bundles';
import { showTime } from './bundle-files';
import { capitalised, showField } from './preview-words';
import { speakerName } from '../../../shared/domain/organisations';

/** What a bundle holds and what importing it would do: who sent it, then adds, changes, deletions, refusals. */
export function PreviewSummary({ preview }: { preview: BundlePreviewDto }) {
  const { bundle, sender } = preview;
  return (
    <div className="stack">
      {bundle ? (
        <p>
          {bundle.kind === 'full' ? 'The whole plan' : `${bundle.partnerOrgName ?? 'A partner'}’s part`} of “{bundle.cycleTitle}” ({bundle.countyName} County),
          made {showTime(bundle.createdAt)}.
        </p>
      ) : null}
      {sender ? (
        <p>
          From <strong>{speakerName(sender.orgName, sender.role)}</strong> — key fingerprint <code>{sender.fingerprint}</code>
          {sender.trusted ? `, trusted${sender.trustedAs ? ` as ${sender.trustedAs}` : ''}.` : ', not trusted here yet.'}
        </p>
      ) : null}
      {bundle ? <p className="muted small">{bundle.personalData}</p> : null}
      {preview.warnings.map((warning) => (
        <InlineNotice key={warning} tone="warning">
          {warning}
        </InlineNotice>
      ))}
      {preview.addsInWords.length > 0 ? <p>To add: {preview.addsInWords.join(', ')}.</p> : null}
      {preview.changes.length > 0 ? (
        <DataTable label="Changed by the sender">
          <caption>Changed by the sender (this copy → theirs)</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Field</th>
              <th scope="col">Here</th>
              <th scope="col">Theirs</th>
            </tr>
          </thead>
          <tbody>
            {preview.changes.flatMap((change) => [
              ...change.fields.map((field, index) => (
                <tr key={`${change.id}-${field.field}`}>
                  <td>{index === 0 ? `${capitalised(change.registerLabel)} “${change.label}”` : ''}</td>
                  <td>{field.label}</td>
                  <td>{showField(change.register, field.field, field.mine)}</td>
                  <td>{showField(change.register, field.field, field.theirs)}</td>
                </tr>
              )),
              ...(change.keeps
                ? [
                    <tr key={`${change.id}-keeps`}>
                      <td />
                      <td colSpan={3} className="muted small">
                        {change.keeps}
                      </td>
                    </tr>,
                  ]
                : []),
            ])}
          </tbody>
        </DataTable>
      ) : null}
      {preview.deletions.length > 0 ? (
        <div>
          <p>Deleted by the sender:</p>
          <ul>
            {preview.deletions.map((row) => (
              <li key={row.id}>
                {capitalised(row.registerLabel)} “{row.label}”
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.refused.length > 0 ? (
        <div>
          <p>Refused (not imported):</p>
          <ul>
            {preview.refused.map((row) => (
              <li key={`${row.register}-${row.id}`}>
                {capitalised(row.registerLabel)} “{row.label}”: {row.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
