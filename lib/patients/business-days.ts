/** The rule's outer limit for honouring a revocation that is not a keyword: 10 business days (47 CFR 64.1200(a)(10)). */
export const RESPONSE_BUSINESS_DAYS = 10;

/** `days` working days (Monday to Friday, UTC) after `from`, at the same time of day; public holidays are not counted off. */
export function addBusinessDays(from: Date, days: number): Date {
  const result = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return result;
}
