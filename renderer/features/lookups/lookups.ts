import type { AdminUnitDto } from '../../../shared/api/schemas/admin';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import type { Option } from '../../components/register/field-spec';
import { naturalCompare } from '../../../shared/natural-order';

/** How records of other registers are named in tables and choice lists. */

const byLabel = (a: Option, b: Option) => naturalCompare(a.label, b.label);

export const orgShortName = (org: Pick<OrganisationDto, 'name' | 'shortName'> | undefined): string =>
  org ? org.shortName || org.name : 'Unknown organisation';

export function organisationOptions(orgs: readonly OrganisationDto[]): Option[] {
  return orgs.map((org) => ({ value: org.id, label: org.shortName ? `${org.shortName} — ${org.name}` : org.name })).sort(byLabel);
}

export const objectiveLabel = (objective: Pick<ObjectiveDto, 'code' | 'statement'>): string =>
  objective.code ? `${objective.code} ${objective.statement}` : objective.statement;

export function objectiveOptions(objectives: readonly ObjectiveDto[]): Option[] {
  return objectives.map((objective) => ({ value: objective.id, label: objectiveLabel(objective) })).sort(byLabel);
}

export const activityLabel = (activity: Pick<ActivityDto, 'code' | 'title'>): string => (activity.code ? `${activity.code} ${activity.title}` : activity.title);

export function activityOptions(activities: readonly ActivityDto[]): Option[] {
  return activities.map((activity) => ({ value: activity.id, label: activityLabel(activity) })).sort((a, b) => naturalCompare(a.label, b.label));
}

export function wardOptions(wards: readonly AdminUnitDto[]): Option[] {
  return wards.map((ward) => ({ value: ward.id, label: ward.name })).sort(byLabel);
}

/** Options of a fixed vocabulary, in its own order (High, Medium, Low reads better than A–Z). */
export function vocabularyOptions<K extends string>(vocabulary: { keys: readonly K[]; label: (key: K) => string }): Option[] {
  return vocabulary.keys.map((key) => ({ value: key, label: vocabulary.label(key) }));
}

export function indexById<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** "Garbatulla, Kinna" — or "Garbatulla, Kinna and 3 more" when the list is long. */
export function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>, max = 3): string {
  const known = ids.map((id) => names.get(id) ?? id);
  if (known.length <= max) return known.join(', ');
  return `${known.slice(0, max).join(', ')} and ${known.length - max} more`;
}
