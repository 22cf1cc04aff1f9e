import { kes } from '../../components/charts/money-format';
import { percentOf, type ShareTotals } from './budget-totals';

/** The four figures a finance officer asks for first. */
export function BudgetCards({ totals }: { totals: ShareTotals }) {
  const cards = [
    { label: 'Total estimated cost', value: kes(totals.totalKes), note: `${totals.byContributor.length} contributors` },
    { label: 'County government', value: kes(totals.countyKes), note: `${percentOf(totals.countyKes, totals.totalKes)} % of the total` },
    { label: 'Partners', value: kes(totals.partnerKes), note: `${percentOf(totals.partnerKes, totals.totalKes)} % of the total` },
    { label: 'Disbursed so far', value: kes(totals.disbursedKes), note: `${percentOf(totals.disbursedKes, totals.totalKes)} % of the total` },
  ];
  return (
    <ul className="cards" aria-label="Budget at a glance">
      {cards.map((card) => (
        <li key={card.label} className="card">
          <span className="card__label">{card.label}</span>
          <span className="card__value">{card.value}</span>
          <span className="card__note">{card.note}</span>
        </li>
      ))}
    </ul>
  );
}
