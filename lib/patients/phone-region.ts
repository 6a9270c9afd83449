import { getTimezone } from "countries-and-timezones";
import { getCountries, getExampleNumber, type CountryCode } from "libphonenumber-js/max";
import mobileExamples from "libphonenumber-js/mobile/examples";

const known = new Set<string>(getCountries());

/**
 * The country a national phone number is read in: the patient's stored country, else their time zone's (a New York
 * patient types "(917) 555-0142"), else none (then only +<country code> numbers are understood).
 */
export function phoneRegionOf({
  country,
  timeZone,
}: {
  country?: string | null;
  timeZone: string;
}): CountryCode | undefined {
  if (country && known.has(country)) return country as CountryCode;
  const fromZone = getTimezone(timeZone)?.countries[0];
  return fromZone && known.has(fromZone) ? (fromZone as CountryCode) : undefined;
}

/** How a mobile number is written in that region, for the hint next to the field (e.g. "(201) 555-0123"). */
export function exampleMobile(region: CountryCode | undefined): string {
  const example = region ? getExampleNumber(region, mobileExamples) : undefined;
  return example ? example.formatNational() : "+44 7911 123456";
}
