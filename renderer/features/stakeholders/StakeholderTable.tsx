import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { organisationCategories } from '../../../shared/domain/vocabulary';
import { LevelBadge } from './LevelBadge';

interface StakeholderTableProps {
  organisations: readonly OrganisationDto[];
  /** The register shows each organisation's role and involvement too; the overview keeps to the matrix. */
  detailed?: boolean;
}

/** The stakeholder mapping matrix (manual 9.1), read-only for now. */
export function StakeholderTable({ organisations, detailed = false }: StakeholderTableProps) {
  if (organisations.length === 0) {
    return <p className="empty">No organisations yet. The stakeholder matrix lists every partner, government office and group in the plan.</p>;
  }
  return (
    <table className={detailed ? 'table table--fixed' : 'table'} aria-label="Stakeholder matrix">
      <thead>
        <tr>
          <th scope="col" className="col--name">
            Organisation
          </th>
          <th scope="col" className="col--category">
            Category
          </th>
          {detailed ? (
            <th scope="col" className="col--text">
              Role
            </th>
          ) : null}
          <th scope="col" className="col--level">
            Interest in JWP
          </th>
          <th scope="col" className="col--level">
            Level of influence
          </th>
          {detailed ? (
            <th scope="col" className="col--note">
              Involvement
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {organisations.map((organisation) => (
          <tr key={organisation.id}>
            <td>
              {organisation.name}
              {organisation.shortName ? <span className="muted"> ({organisation.shortName})</span> : null}
            </td>
            <td>{organisationCategories.label(organisation.category)}</td>
            {detailed ? <td className="cell--text">{organisation.role}</td> : null}
            <td>
              <LevelBadge level={organisation.interest} />
            </td>
            <td>
              <LevelBadge level={organisation.influence} />
            </td>
            {detailed ? <td className="cell--text">{organisation.involvement}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
