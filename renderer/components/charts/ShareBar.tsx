import { kes } from './money-format';

interface ShareBarProps {
  label: string;
  parts: readonly { name: string; kes: number; className: string }[];
}

/** One bar split into shares (county vs partners), each named with its amount and percentage. */
export function ShareBar({ label, parts }: ShareBarProps) {
  const total = parts.reduce((sum, part) => sum + part.kes, 0);
  const pct = (value: number) => (total === 0 ? 0 : Math.round((value / total) * 100));
  return (
    <figure className="share" aria-label={label}>
      <div className="share__bar" aria-hidden="true">
        {parts.map((part) => (part.kes > 0 ? <span key={part.name} className={part.className} style={{ width: `${(part.kes / total) * 100}%` }} /> : null))}
      </div>
      <figcaption className="share__legend">
        {parts.map((part) => (
          <span key={part.name} className="share__item">
            <span className={`share__swatch ${part.className}`} aria-hidden="true" />
            <strong>{part.name}</strong> {pct(part.kes)} % · {kes(part.kes)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
