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

/** A city: its name and postal code as written in an address, and streets in it. */
type City = readonly [city: string, postal: string, streets: readonly string[]];

interface Place {
  /** The country line of an address, in the country's language. */
  country: string;
  cities: readonly City[];
  /** The address lines for a street and house number drawn in a city. */
  lines(street: string, number: number, city: City, r: Random): string[];
  taxId(r: Random): string;
}

/** `n` random decimal digits. */
function digits(r: Random, n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += String(r.int(0, 9));
  return text;
}

const PLACES: Readonly<Record<Country, Place>> = {
  BR: {
    country: 'Brasil',
    cities: [
      ['São Paulo — SP', '01310-100', ['Avenida Paulista', 'Rua Augusta', 'Rua Funchal']],
      ['Curitiba — PR', '80420-090', ['Rua XV de Novembro', 'Avenida Sete de Setembro']],
      ['Belo Horizonte — MG', '30130-010', ['Avenida Afonso Pena', 'Rua da Bahia']],
      ['Recife — PE', '51020-010', ['Avenida Boa Viagem', 'Rua da Aurora']],
    ],
    lines: (street, n, [city, cep], r) => [
      `${street}, ${n}${r.chance(0.5) ? ` — conj. ${r.int(11, 180)}` : ''}`,
      city,
      `CEP ${cep}`,
      'Brasil',
    ],
    taxId: (r) => `CNPJ ${digits(r, 2)}.${digits(r, 3)}.${digits(r, 3)}/0001-${digits(r, 2)}`,
  },
  US: {
    country: 'United States',
    cities: [
      ['Seattle, WA', '98101', ['Pine Street', '4th Avenue', 'Westlake Avenue']],
      ['Austin, TX', '78701', ['Congress Avenue', 'West 6th Street']],
      ['Boston, MA', '02110', ['Federal Street', 'Atlantic Avenue']],
      ['Denver, CO', '80202', ['17th Street', 'Larimer Street']],
    ],
    lines: (street, n, [city, zip], r) => [
      `${n * 10} ${street}`,
      ...(r.chance(0.5) ? [`Suite ${r.int(1, 30) * 100}`] : []),
      `${city} ${zip}`,
      'United States',
    ],
    taxId: (r) => `EIN ${digits(r, 2)}-${digits(r, 7)}`,
  },
  MX: {
    country: 'México',
    cities: [
      ['Ciudad de México, CDMX', '06600', ['Paseo de la Reforma', 'Avenida Insurgentes Sur']],
      ['Monterrey, N.L.', '64000', ['Avenida Constitución', 'Calle Morelos']],
    ],
    lines: (street, n, [city, cp]) => [`${street} ${n}`, `C.P. ${cp}, ${city}`, 'México'],
    taxId: (r) =>
      `RFC ${['ABC', 'NUB', 'DAT', 'SIS'][r.int(0, 3)]}${digits(r, 6)}${['X1', 'K7', 'A3'][r.int(0, 2)]}${r.int(0, 9)}`,
  },
  ES: {
    country: 'España',
    cities: [
      ['Madrid', '28014', ['Calle de Alcalá', 'Paseo de la Castellana', 'Gran Vía']],
      ['Barcelona', '08013', ['Carrer de Mallorca', 'Avinguda Diagonal']],
      ['Sevilla', '41001', ['Calle Sierpes', 'Avenida de la Constitución']],
    ],
    lines: (street, n, [city, cp]) => [`${street}, ${n}`, `${cp} ${city}`, 'España'],
    taxId: (r) => `ESB${digits(r, 8)}`,
  },
  DE: {
    country: 'Deutschland',
    cities: [
      ['München', '80331', ['Marienplatz', 'Leopoldstraße', 'Sonnenstraße']],
      ['Berlin', '10117', ['Friedrichstraße', 'Unter den Linden']],
      ['Köln', '50667', ['Hohe Straße', 'Schildergasse']],
    ],
    lines: (street, n, [city, plz]) => [`${street} ${n}`, `${plz} ${city}`, 'Deutschland'],
    taxId: (r) => `DE${digits(r, 9)}`,
  },
  JP: {
    country: 'Japan',
    cities: [
      ['Minato-ku, Tokyo', '108-0075', ['Konan', 'Shiba']],
      ['Kita-ku, Osaka', '530-0001', ['Umeda', 'Nakanoshima']],
    ],
    lines: (street, n, [city, postal], r) => [
      `${r.int(1, 4)}-${(n % 30) + 1}-${r.int(1, 20)} ${street}`,
      `${city} ${postal}`,
      'Japan',
    ],
    taxId: (r) => `T${digits(r, 13)}`,
  },
  BH: {
    country: 'Kingdom of Bahrain',
    cities: [['Manama', 'Block 428', ['Road 2832', 'Road 1704']]],
    lines: (street, n, [city, block]) => [
      `Building ${n + 2000}, ${street}`,
      `${block}, ${city}`,
      'Kingdom of Bahrain',
    ],
    taxId: (r) => `VAT 2000${digits(r, 11)}`,
  },
  PL: {
    country: 'Polska',
    cities: [
      ['Łódź', '90-926', ['ul. Piotrkowska', 'ul. Żeromskiego']],
      ['Kraków', '31-042', ['ul. Floriańska', 'ul. Św. Anny']],
      ['Gdańsk', '80-831', ['ul. Długa', 'ul. Świętojańska']],
    ],
    lines: (street, n, [city, postal]) => [`${street} ${n}`, `${postal} ${city}`, 'Polska'],
    taxId: (r) => `NIP PL${digits(r, 10)}`,
  },
  CZ: {
    country: 'Česká republika',
    cities: [
      ['Praha 1', '110 00', ['Václavské náměstí', 'Národní třída']],
      ['Brno', '602 00', ['Náměstí Svobody', 'Česká']],
    ],
    lines: (street, n, [city, psc], r) => [
      `${street} ${r.int(100, 999)}/${n}`,
      `${psc} ${city}`,
      'Česká republika',
    ],
    taxId: (r) => `DIČ CZ${digits(r, 8)}`,
  },
  TR: {
    country: 'Türkiye',
    cities: [
      ['Şişli/İstanbul', '34394', ['Büyükdere Caddesi', 'Halaskargazi Caddesi']],
      ['Çankaya/Ankara', '06680', ['Atatürk Bulvarı', 'Tunalı Hilmi Caddesi']],
    ],
    lines: (street, n, [city, postal]) => [`${street} No: ${n}`, `${postal} ${city}`, 'Türkiye'],
    taxId: (r) => `VKN ${digits(r, 10)}`,
  },
  GR: {
    country: 'Ελλάδα',
    cities: [
      ['Αθήνα', '117 41', ['Λεωφόρος Συγγρού', 'Οδός Ερμού']],
      ['Θεσσαλονίκη', '546 24', ['Οδός Τσιμισκή', 'Λεωφόρος Νίκης']],
    ],
    lines: (street, n, [city, tk]) => [`${street} ${n}`, `${tk} ${city}`, 'Ελλάδα'],
    taxId: (r) => `ΑΦΜ EL${digits(r, 9)}`,
  },
  BG: {
    country: 'България',
    cities: [
      ['София', '1000', ['бул. „Витоша“', 'ул. „Граф Игнатиев“']],
      ['Пловдив', '4000', ['ул. „Княз Александър I“', 'бул. „Руски“']],
    ],
    lines: (street, n, [city, postal]) => [`${street} ${n}`, `${postal} ${city}`, 'България'],
    taxId: (r) => `ЕИК BG${digits(r, 9)}`,
  },
  VN: {
    country: 'Việt Nam',
    cities: [
      ['Quận 1, Thành phố Hồ Chí Minh', 'Phường Bến Nghé', ['Đường Lê Lợi', 'Đường Đồng Khởi']],
      ['Quận Hoàn Kiếm, Hà Nội', 'Phường Tràng Tiền', ['Phố Tràng Tiền', 'Phố Hàng Bài']],
    ],
    lines: (street, n, [city, ward]) => [`Số ${n} ${street}`, ward, city, 'Việt Nam'],
    taxId: (r) => `MST ${digits(r, 10)}`,
  },
};

/** A billing address in `country` (3 or 4 lines, at most 6). */
export function addressIn(country: Country, r: Random): string[] {
  const place = PLACES[country];
  const city = r.pick(place.cities);
  return place.lines(r.pick(city[2]), r.int(2, 240), city, r);
}

/** A tax registration in `country`'s format. */
export function taxIdIn(country: Country, r: Random): string {
  return PLACES[country].taxId(r);
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
