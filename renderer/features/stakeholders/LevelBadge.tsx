import { levels } from '../../../shared/domain/vocabulary';

type Level = (typeof levels.keys)[number];

export function LevelBadge({ level }: { level: Level }) {
  return <span className={`level level--${level}`}>{levels.label(level)}</span>;
}
