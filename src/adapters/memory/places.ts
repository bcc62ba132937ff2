/**
 * Where the generator's customers are: per country, a billing address (one entry per printed
 * line, in the country's own order and script), a tax registration in the country's format, and,
 * for the countries whose names are written outside Latin-1 (Polish, Czech, Turkish, Greek,
 * Bulgarian Cyrillic, Vietnamese), the parts of company names, so the demo's documents show those
 * scripts. Plain data and small formatters over the generator's seeded `Random`. No Lit.
 */
import type { Random } from './random.js';

export type Country = 'BR' | 'US' | 'MX' | 'ES' | 'DE' | 'JP' | 'BH' | InternationalCountry;

/** Countries whose customers get names in their own script (see {@link INTERNATIONAL}). */
export type InternationalCountry = 'PL' | 'CZ' | 'TR' | 'GR' | 'BG' | 'VN';

/**
 * Per country: the address lines as a template (`|` between lines; `{s}` street, `{n}` house
 * number, `{m}` a second number, `{c}` city, `{p}` postal code), the tax ID (`#` a random
 * digit), and cities as `city|postal code|street|street…`. Compact on purpose: this data ships
 * with `MemoryBackend` in the single-file bundle.
 */
const PLACES: Readonly<Record<Country, readonly [string, string, readonly string[]]>> = {
  BR: [
    '{s}, {n}|{c}|CEP {p}|Brasil',
    'CNPJ ##.###.###/0001-##',
    [
      'São Paulo — SP|01310-100|Avenida Paulista|Rua Augusta|Rua Funchal',
      'Curitiba — PR|80420-090|Rua XV de Novembro|Avenida Sete de Setembro',
      'Recife — PE|51020-010|Avenida Boa Viagem|Rua da Aurora',
    ],
  ],
  US: [
    '{n}0 {s}|Suite {m}00|{c} {p}|United States',
    'EIN ##-#######',
    [
      'Seattle, WA|98101|Pine Street|Westlake Avenue',
      'Austin, TX|78701|Congress Avenue|West 6th Street',
      'Boston, MA|02110|Federal Street|Atlantic Avenue',
    ],
  ],
  MX: [
    '{s} {n}|C.P. {p}, {c}|México',
    'RFC DAT######K7#',
    ['Ciudad de México, CDMX|06600|Paseo de la Reforma|Avenida Insurgentes Sur'],
  ],
  ES: [
    '{s}, {n}|{p} {c}|España',
    'ESB########',
    [
      'Madrid|28014|Calle de Alcalá|Gran Vía',
      'Sevilla|41001|Calle Sierpes|Avenida de la Constitución',
    ],
  ],
  DE: [
    '{s} {n}|{p} {c}|Deutschland',
    'DE#########',
    ['München|80331|Leopoldstraße|Sonnenstraße', 'Köln|50667|Hohe Straße|Schildergasse'],
  ],
  JP: ['{m}-{n} {s}|{c} {p}|Japan', 'T#############', ['Minato-ku, Tokyo|108-0075|Konan|Shiba']],
  BH: [
    'Building {n}, {s}|{p}, {c}|Kingdom of Bahrain',
    'VAT 2000###########',
    ['Manama|Block 428|Road 2832|Road 1704'],
  ],
  PL: [
    '{s} {n}|{p} {c}|Polska',
    'NIP PL##########',
    ['Łódź|90-926|ul. Piotrkowska|ul. Żeromskiego', 'Gdańsk|80-831|ul. Długa|ul. Świętojańska'],
  ],
  CZ: [
    '{s} {m}/{n}|{p} {c}|Česká republika',
    'DIČ CZ########',
    ['Praha 1|110 00|Václavské náměstí|Národní třída'],
  ],
  TR: [
    '{s} No: {n}|{p} {c}|Türkiye',
    'VKN ##########',
    ['Şişli/İstanbul|34394|Büyükdere Caddesi|Halaskargazi Caddesi'],
  ],
  GR: [
    '{s} {n}|{p} {c}|Ελλάδα',
    'ΑΦΜ EL#########',
    ['Αθήνα|117 41|Λεωφόρος Συγγρού|Οδός Ερμού', 'Θεσσαλονίκη|546 24|Οδός Τσιμισκή'],
  ],
  BG: [
    '{s} {n}|{p} {c}|България',
    'ЕИК BG#########',
    ['София|1000|бул. „Витоша“|ул. „Граф Игнатиев“'],
  ],
  VN: [
    'Số {n} {s}|{p}|{c}|Việt Nam',
    'MST ##########',
    ['Quận 1, Thành phố Hồ Chí Minh|Phường Bến Nghé|Đường Lê Lợi|Đường Đồng Khởi'],
  ],
};

/** A billing address in `country` (3 or 4 lines, at most 6). */
export function addressIn(country: Country, r: Random): string[] {
  const [template, , cities] = PLACES[country];
  const [c = '', p = '', ...streets] = r.pick(cities).split('|');
  const values: Record<string, string> = {
    s: r.pick(streets),
    n: String(r.int(2, 240)),
    m: String(r.int(1, 30)),
    c,
    p,
  };
  return template.split('|').map((line) => line.replace(/\{(\w)\}/g, (_, k: string) => values[k]!));
}

/** A tax registration in `country`'s format. */
export function taxIdIn(country: Country, r: Random): string {
  return PLACES[country][1].replace(/#/g, () => String(r.int(0, 9)));
}

/**
 * Company names of the countries written outside Latin-1: `first` parts (each with the ASCII
 * slug its web domain uses), `second` parts and legal forms, and the top-level domain.
 */
export const INTERNATIONAL: Readonly<
  Record<
    InternationalCountry,
    {
      first: readonly (readonly [name: string, slug: string])[];
      second: readonly string[];
      legal: readonly string[];
      tld: string;
      /** The legal form comes first (`Công ty TNHH Mây Xanh …`). */
      legalFirst?: boolean;
    }
  >
> = {
  PL: {
    first: [
      ['Łódzka', 'lodzka'],
      ['Żurawie', 'zurawie'],
      ['Świetlik', 'swietlik'],
      ['Gdańska', 'gdanska'],
    ],
    second: ['Chmura', 'Sieć Danych', 'Informatyka'],
    legal: ['Sp. z o.o.', 'S.A.'],
    tld: 'pl',
  },
  CZ: {
    first: [
      ['Říční', 'ricni'],
      ['Hvězdná', 'hvezdna'],
      ['Česká', 'ceska'],
    ],
    second: ['Oblačná Data', 'Síť', 'Výpočty'],
    legal: ['s.r.o.', 'a.s.'],
    tld: 'cz',
  },
  TR: {
    first: [
      ['Boğaziçi', 'bogazici'],
      ['Yıldız', 'yildiz'],
      ['Güneş', 'gunes'],
    ],
    second: ['Bulut Bilişim', 'Veri Hizmetleri', 'Yazılım'],
    legal: ['A.Ş.', 'Ltd. Şti.'],
    tld: 'com.tr',
  },
  GR: {
    first: [
      ['Αιγαίο', 'aigaio'],
      ['Όλυμπος', 'olympos'],
      ['Ερμής', 'ermis'],
    ],
    second: ['Δίκτυα', 'Πληροφορική', 'Υπολογιστικό Νέφος'],
    legal: ['Α.Ε.', 'Ε.Π.Ε.', 'Ι.Κ.Ε.'],
    tld: 'gr',
  },
  BG: {
    first: [
      ['Облак', 'oblak'],
      ['Витоша', 'vitosha'],
      ['Балкан', 'balkan'],
    ],
    second: ['Системи', 'Дейта', 'Софтуер'],
    legal: ['ЕООД', 'ООД', 'АД'],
    tld: 'bg',
  },
  VN: {
    first: [
      ['Mây Xanh', 'mayxanh'],
      ['Sông Hồng', 'songhong'],
      ['Đại Việt', 'daiviet'],
    ],
    second: ['Công nghệ', 'Dữ liệu', 'Phần mềm'],
    legal: ['Công ty TNHH', 'Công ty Cổ phần'],
    tld: 'vn',
    legalFirst: true,
  },
};
