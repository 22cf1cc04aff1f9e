/** The screens' money formats are the documents' (shared/money.ts): one rule, one place. */
export { formatKes as kes, kesShort } from '../../../shared/money';
