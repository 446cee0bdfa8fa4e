/** SOAP web services endpoint versions the model knows: 2014.2 through 2026.1. */
export const ENDPOINT_VERSIONS = [
  '2014.2',
  '2015.1', '2015.2', '2016.1', '2016.2', '2017.1', '2017.2', '2018.1', '2018.2',
  '2019.1', '2019.2', '2020.1', '2020.2', '2021.1', '2021.2', '2022.1', '2022.2',
  '2023.1', '2023.2', '2024.1', '2024.2', '2025.1', '2025.2', '2026.1',
] as const;

export type EndpointVersion = (typeof ENDPOINT_VERSIONS)[number];

/** The three eras the rules distinguish. */
export type EndpointEra = 'legacy' | 'applicationId' | 'tokenOnly';

export function isEndpointVersion(value: string): value is EndpointVersion {
  return (ENDPOINT_VERSIONS as readonly string[]).includes(value);
}

const ORDINAL = new Map<string, number>(ENDPOINT_VERSIONS.map((v, i) => [v, i]));

export function compareEndpoints(a: EndpointVersion, b: EndpointVersion): number {
  return (ORDINAL.get(a) ?? 0) - (ORDINAL.get(b) ?? 0);
}

/**
 * legacy: 2015.1 and earlier (AUTH-04); applicationId: 2015.2 to 2020.1 (AUTH-05);
 * tokenOnly: 2020.2 and later (AUTH-07).
 */
export function endpointEra(version: EndpointVersion): EndpointEra {
  if (compareEndpoints(version, '2015.1') <= 0) return 'legacy';
  if (compareEndpoints(version, '2020.1') <= 0) return 'applicationId';
  return 'tokenOnly';
}

