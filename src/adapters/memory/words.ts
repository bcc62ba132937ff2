/**
 * Word lists of the memory adapter's generator: the parts of customer names, mailboxes and
 * domains per region, the operators who change statuses, and the custom fields an account may
 * have. Plain data: the generator draws from them with its seeded `Random`. No Lit.
 */
import type { Random } from './random.js';

export type Region = 'en' | 'pt' | 'es' | 'de' | 'jp' | 'bh';

export const FIRST: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: [
    'Aurora',
    'Nimbus',
    'Cobalt',
    'Solaris',
    'Quasar',
    'Helix',
    'Orion',
    'Lumen',
    'Vertex',
    'Boreal',
    'Atlas',
    'Pioneer',
    'Summit',
    'Harbor',
    'Meridian',
    'Keystone',
    'Evergreen',
    'Bluefin',
    'Redwood',
    'Granite',
    'Northwind',
    'Silverline',
  ],
  pt: [
    'Águia',
    'Ipê',
    'Jacarandá',
    'Cerrado',
    'Araucária',
    'Paraná',
    'Mirante',
    'Atlântico',
    'Estrela',
    'Pinheiro',
    'São Jorge',
    'Piracicaba',
    'Alvorada',
    'Horizonte',
    'Maré',
    'Tucano',
    'Serra Azul',
    'Pantanal',
    'Conceição',
    'Itaúna',
  ],
  es: [
    'Montaña',
    'Cumbre',
    'Ibérica',
    'Andes',
    'Castilla',
    'Peñalara',
    'Sierra',
    'Río Claro',
    'Brújula',
    'Azahar',
    'Olivo',
    'Cañada',
    'Marea',
    'Faro',
    'León',
    'Añil',
    'Mediterránea',
    'Pampa',
    'Nevada',
    'Logroño',
  ],
};

export const SECOND: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: [
    'Systems',
    'Analytics',
    'Logistics',
    'Software',
    'Networks',
    'Labs',
    'Dynamics',
    'Health',
    'Foods',
    'Capital',
    'Robotics',
    'Media',
    'Energy',
    'Retail',
    'Consulting',
  ],
  pt: [
    'Tecnologia',
    'Sistemas',
    'Logística',
    'Consultoria',
    'Serviços',
    'Comércio',
    'Alimentos',
    'Engenharia',
    'Saúde',
    'Informática',
    'Transportes',
    'Soluções',
  ],
  es: [
    'Soluciones',
    'Datos',
    'Ingeniería',
    'Sistemas',
    'Consultores',
    'Logística',
    'Tecnología',
    'Servicios',
    'Energía',
    'Alimentación',
  ],
};

export const QUALIFIER: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: ['Group', 'Holdings', 'International', 'Partners', 'Worldwide'],
  pt: ['do Brasil', 'Participações', 'Nordeste', 'do Sul', 'Paulista'],
  es: ['del Sur', 'Iberia', 'del Norte', 'Global', 'Andina'],
};

export const LEGAL: Record<Region, readonly string[]> = {
  en: ['Inc.', 'LLC', 'Corp.', 'Ltd.'],
  pt: ['Ltda.', 'S.A.', 'ME', 'EIRELI'],
  es: ['S.L.', 'S.A.', 'S.A. de C.V.', 'SpA'],
  de: ['GmbH', 'AG'],
  jp: ['K.K.', 'Co., Ltd.'],
  bh: ['W.L.L.', 'B.S.C.'],
};

export const MAILBOX: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: ['billing', 'ap', 'accounts.payable', 'finance'],
  pt: ['financeiro', 'contas.pagar', 'faturamento'],
  es: ['facturacion', 'cuentas', 'finanzas'],
};

export const TLD: Record<Region, string> = {
  en: 'com',
  pt: 'com.br',
  es: 'es',
  de: 'de',
  jp: 'co.jp',
  bh: 'com.bh',
};

export const OPERATORS = [
  'Ana Souza',
  'João Pereira',
  'María García',
  'Lucía Fernández',
  'Chris Walker',
  'billing-automation',
];

export const FIELD_SETS: Record<
  'en' | 'pt',
  readonly (readonly [string, string, (r: Random) => string])[]
> = {
  en: [
    [
      'po-number',
      'PO number',
      (r) => `PO-${r.int(2024, 2026)}-${String(r.int(1, 9999)).padStart(4, '0')}`,
    ],
    [
      'cost-centre',
      'Cost centre',
      (r) =>
        `CC-${r.int(100, 999)} ${r.pick(['Engineering', 'Finance', 'Marketing', 'Operations', 'R&D'])}`,
    ],
    ['contract', 'Contract', (r) => `MSA-${r.int(2019, 2026)}-${r.int(1, 99)}`],
    [
      'project',
      'Project code',
      (r) => `PRJ-${r.pick(['ALFA', 'ORION', 'ATLAS', 'DELTA', 'NOVA'])}`,
    ],
  ],
  pt: [
    ['po-number', 'Pedido de compra', (r) => `PC ${r.int(10000, 99999)}/${r.int(2024, 2026)}`],
    [
      'cost-centre',
      'Centro de custo',
      (r) => `${r.int(1000, 9999)} – ${r.pick(['TI', 'Financeiro', 'Comercial', 'Operações'])}`,
    ],
    [
      'contract',
      'Contrato',
      (r) => `CT-${r.int(2019, 2026)}/${String(r.int(1, 999)).padStart(3, '0')}`,
    ],
    [
      'cnpj',
      'CNPJ',
      (r) => `${r.int(10, 99)}.${r.int(100, 999)}.${r.int(100, 999)}/0001-${r.int(10, 99)}`,
    ],
  ],
};
