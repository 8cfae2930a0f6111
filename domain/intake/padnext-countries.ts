/**
 * PADneXt's Land.Enum uses international vehicle registration codes ("D", "A", "CH"), while
 * IntakeAddress.country is ISO 3166 alpha-2. This is the full 2.12 enumeration mapped by hand.
 */
const VEHICLE_TO_ISO: Record<string, string> = {
  AFG: 'AF', ET: 'EG', AL: 'AL', GBA: 'GG', DZ: 'DZ', AND: 'AD', ANG: 'AO', RA: 'AR', AM: 'AM',
  AZ: 'AZ', ETH: 'ET', AUS: 'AU', BS: 'BS', BRN: 'BH', BD: 'BD', BDS: 'BB', BY: 'BY', B: 'BE',
  BH: 'BZ', BJ: 'BJ', BOL: 'BO', BIH: 'BA', RB: 'BW', BR: 'BR', BRU: 'BN', BG: 'BG', BF: 'BF',
  RU: 'BI', RCH: 'CL', RC: 'TW', CR: 'CR', CI: 'CI', DK: 'DK', CD: 'CD', LAO: 'LA', D: 'DE',
  WD: 'DM', DOM: 'DO', DJI: 'DJ', EC: 'EC', ES: 'SV', ER: 'ER', EST: 'EE', FO: 'FO', FJI: 'FJ',
  FIN: 'FI', F: 'FR', G: 'GA', WAG: 'GM', GE: 'GE', GH: 'GH', GBZ: 'GI', WG: 'GD', GR: 'GR',
  GCA: 'GT', GBG: 'GG', RG: 'GN', GUY: 'GY', RH: 'HT', HN: 'HN', IND: 'IN', RI: 'ID', Man: 'IM',
  IRQ: 'IQ', IR: 'IR', IRL: 'IE', IS: 'IS', IL: 'IL', I: 'IT', JA: 'JM', J: 'JP', YAR: 'YE',
  GBJ: 'JE', JOR: 'JO', K: 'KH', CAM: 'CM', CDN: 'CA', KZ: 'KZ', Q: 'QA', EAK: 'KE', KS: 'KG',
  CO: 'CO', RCB: 'CG', KSA: 'SA', ROK: 'KR', KOS: 'XK', HR: 'HR', C: 'CU', KWT: 'KW', LS: 'LS',
  LV: 'LV', RL: 'LB', LB: 'LR', FL: 'LI', LT: 'LT', L: 'LU', LAR: 'LY', RM: 'MG', MW: 'MW',
  MAL: 'MY', RMM: 'ML', M: 'MT', MA: 'MA', RIM: 'MR', MS: 'MU', MK: 'MK', MEX: 'MX', MD: 'MD',
  MC: 'MC', MGL: 'MN', MNE: 'ME', MOC: 'MZ', MYA: 'MM', NAM: 'NA', NAU: 'NR', NEP: 'NP',
  NZ: 'NZ', NIC: 'NI', NA: 'CW', NL: 'NL', RN: 'NE', WAN: 'NG', N: 'NO', OM: 'OM', A: 'AT',
  PK: 'PK', PA: 'PA', PNG: 'PG', PY: 'PY', PE: 'PE', RP: 'PH', PL: 'PL', P: 'PT', RWA: 'RW',
  RO: 'RO', RUS: 'RU', Z: 'ZM', WS: 'WS', RSM: 'SM', EAZ: 'TZ', WL: 'LC', S: 'SE', CH: 'CH',
  SN: 'SN', SRB: 'RS', SY: 'SC', WAL: 'SL', ZW: 'ZW', SGP: 'SG', SK: 'SK', SLO: 'SI', SO: 'SO',
  E: 'ES', CL: 'LK', WV: 'VC', ZA: 'ZA', SUD: 'SD', SME: 'SR', SD: 'SZ', SYR: 'SY', TJ: 'TJ',
  EAT: 'TZ', THA: 'TH', RT: 'TG', TT: 'TT', TD: 'TD', CZ: 'CZ', TN: 'TN', TR: 'TR', TM: 'TM',
  EAU: 'UG', UA: 'UA', H: 'HU', ROU: 'UY', UZ: 'UZ', V: 'VA', YV: 'VE', UAE: 'AE', USA: 'US',
  GB: 'GB', VN: 'VN', RCA: 'CF', CY: 'CY',
};

/** ISO alpha-2 for a PADneXt Land.Enum value; undefined for "unb" (unknown) and anything else. */
export function isoCountryFromPadnext(code: string): string | undefined {
  return VEHICLE_TO_ISO[code];
}

/** The reverse, for writers (generator): first vehicle code that maps to the ISO code. */
export function padnextCountryFromIso(iso: string): string | undefined {
  for (const [vehicle, mapped] of Object.entries(VEHICLE_TO_ISO)) if (mapped === iso) return vehicle;
  return undefined;
}
