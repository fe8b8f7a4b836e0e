import { lke88TemplateContent } from '../migrations/1733100000100-evaluations';
import { parseTemplate } from './lke-template';

type Content = ReturnType<typeof lke88TemplateContent>;
const seeded = () => JSON.parse(JSON.stringify(lke88TemplateContent())) as Content;

describe('the seeded lke-88-2021 template', () => {
  const t = parseTemplate('lke-88-2021', 1, seeded());

  it('has the four components with their weights', () => {
    expect(t.components.map((c) => [c.name, c.weight])).toEqual([
      ['Perencanaan Kinerja', '30.00'],
      ['Pengukuran Kinerja', '30.00'],
      ['Pelaporan Kinerja', '15.00'],
      ['Evaluasi Akuntabilitas Kinerja Internal', '25.00'],
    ]);
  });

  it('splits each into keberadaan / kualitas / pemanfaatan = 20 / 30 / 50 % of its weight', () => {
    expect(t.components.map((c) => c.subComponents.map((s) => `${s.kind}:${s.weight}`))).toEqual([
      ['keberadaan:6.00', 'kualitas:9.00', 'pemanfaatan:15.00'],
      ['keberadaan:6.00', 'kualitas:9.00', 'pemanfaatan:15.00'],
      ['keberadaan:3.00', 'kualitas:4.50', 'pemanfaatan:7.50'],
      ['keberadaan:5.00', 'kualitas:7.50', 'pemanfaatan:12.50'],
    ]);
  });

  it('has criteria of both answer types in every component, with unique codes', () => {
    for (const c of t.components) {
      const types = new Set(c.subComponents.flatMap((s) => s.criteria.map((k) => k.answerType)));
      expect([...types].sort()).toEqual(['a_to_e', 'yes_no']);
      for (const s of c.subComponents) expect(s.criteria.length).toBeGreaterThanOrEqual(3);
    }
    const codes = t.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria.map((k) => k.code)));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes[0]).toBe('1.a.1');
  });
});

describe('parseTemplate refuses what scoring cannot use', () => {
  it.each<[string, (c: Content) => void]>([
    ['component weights not summing to 100', (c) => (c.components[0].weight = '31')],
    ['shares not summing to 100', (c) => ((c.components[1].subComponents[0] as { share: string }).share = '25')],
    ['shares summing to 100 but not 20 / 30 / 50', (c) => {
      const [k, q] = c.components[0].subComponents as Array<{ share: string }>;
      k.share = '30';
      q.share = '20';
    }],
    ['a kind twice (and another missing)', (c) => ((c.components[1].subComponents[1] as { kind: string }).kind = 'keberadaan')],
    ['a fourth sub-component', (c) => {
      const subs = c.components[3].subComponents as unknown[];
      subs.push({ ...(subs[0] as object), code: '4.z', share: '0', criteria: [{ code: '4.z.1', question: 'q', answerType: 'yes_no' }] });
    }],
    ['a missing kind', (c) => {
      const subs = c.components[2].subComponents as Array<{ share: string }>;
      subs.splice(0, 1);
      subs[0].share = '50';
    }],
    ['a sub-component without criteria', (c) => (c.components[2].subComponents[1].criteria = [])],
    ['an unknown answer type', (c) => ((c.components[0].subComponents[0].criteria[0] as { answerType: string }).answerType = 'scale')],
    ['a repeated code', (c) => (c.components[0].subComponents[0].criteria[1].code = c.components[0].subComponents[0].criteria[0].code)],
    ['a sub-weight with more than 2 decimals', (c) => {
      c.components[2].weight = '15.01';
      c.components[3].weight = '24.99';
    }],
  ])('%s', (_why, breakIt) => {
    const content = seeded();
    breakIt(content);
    expect(() => parseTemplate('lke-88-2021', 2, content)).toThrow(/lke-88-2021 v2 is malformed/);
  });

  it('no components at all', () => {
    expect(() => parseTemplate('x', 1, { components: [] })).toThrow(/malformed: no components/);
    expect(() => parseTemplate('x', 1, null)).toThrow(/malformed/);
  });
});

describe('parseTemplate: sub-component kinds and shares (DOMAIN.md 20 / 30 / 50)', () => {
  it('names the wrong share and the repeated kind', () => {
    const swapped = seeded();
    (swapped.components[0].subComponents[0] as { share: string }).share = '30';
    (swapped.components[0].subComponents[1] as { share: string }).share = '20';
    expect(() => parseTemplate('x', 1, swapped)).toThrow(/has share 30, expected 20/);
    const twice = seeded();
    (twice.components[1].subComponents[1] as { kind: string }).kind = 'keberadaan';
    expect(() => parseTemplate('x', 1, twice)).toThrow(/component 2 needs exactly one sub-component of each kind/);
  });
});
