/**
 * The attribution the Open Government Licence requires wherever postcode-derived data is shown
 * or shipped (ONSPD; OS and Royal Mail data within it).
 */
export function postcodeAttribution(year = 2025): string[] {
  return [
    `Contains OS data © Crown copyright and database right ${year}`,
    `Contains Royal Mail data © Royal Mail copyright and database right ${year}`,
    'Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
  ]
}
