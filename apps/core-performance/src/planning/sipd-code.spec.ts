import { parseSipdCode, sipdExtensionProblem, sipdPartsOf, type SipdLevel } from './sipd-code';

describe('parseSipdCode', () => {
  const valid: Array<[SipdLevel, string, Record<string, string>]> = [
    ['program', '1.02.02', { kodeUrusan: '1', kodeBidang: '02', kodeProgram: '02' }],
    ['program', 'X.XX.01', { kodeUrusan: 'X', kodeBidang: 'XX', kodeProgram: '01' }],
    ['program', '7.01.10', { kodeUrusan: '7', kodeBidang: '01', kodeProgram: '10' }],
    ['activity', '1.02.02.2.01', { kodeUrusan: '1', kodeBidang: '02', kodeProgram: '02', kodeGiat: '2.01' }],
    ['activity', 'X.XX.01.1.05', { kodeUrusan: 'X', kodeBidang: 'XX', kodeProgram: '01', kodeGiat: '1.05' }],
    ['sub_activity', '1.02.02.2.01.0001', { kodeUrusan: '1', kodeBidang: '02', kodeProgram: '02', kodeGiat: '2.01', kodeSubGiat: '0001' }],
    ['sub_activity', '5.01.03.2.11.0123', { kodeUrusan: '5', kodeBidang: '01', kodeProgram: '03', kodeGiat: '2.11', kodeSubGiat: '0123' }],
  ];
  it.each(valid)('%s %s parses', (level, code, parts) => {
    expect(parseSipdCode(level, code)).toEqual({ ok: true, parts });
  });

  const invalid: Array<[SipdLevel, string]> = [
    ['program', ''],
    ['program', '1.02'], // missing program
    ['program', '1.2.02'], // bidang 1 digit
    ['program', '12.02.02'], // urusan 2 digits
    ['program', 'x.02.02'], // lower-case X
    ['program', '1.02.XX'], // program must be digits
    ['program', '1.02.002'],
    ['program', '1.02.02.2.01'], // an activity code
    ['program', ' 1.02.02'],
    ['program', '1.02.02\n'],
    ['activity', '1.02.02'], // a program code
    ['activity', '1.02.02.201'], // giat without its dot
    ['activity', '1.02.02.2.1'], // giat 1 digit after the dot
    ['activity', '1.02.02.22.01'],
    ['activity', '1.02.02.2.01.0001'], // a sub-activity code
    ['sub_activity', '1.02.02.2.01'], // an activity code
    ['sub_activity', '1.02.02.2.01.001'], // 3 digits
    ['sub_activity', '1.02.02.2.01.00001'], // 5 digits
    ['sub_activity', '1.02.02.2.01.000A'],
    ['sub_activity', '1-02-02-2-01-0001'],
  ];
  it.each(invalid)('%s %j is refused with the expected shape in the message', (level, code) => {
    const result = parseSipdCode(level, code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`a ${level} SIPD code must be`);
  });

  it('names the expected shape per level', () => {
    expect(parseSipdCode('program', 'nope')).toMatchObject({ message: expect.stringContaining('1.02.02') });
    expect(parseSipdCode('activity', 'nope')).toMatchObject({ message: expect.stringContaining('1.02.02.2.01') });
    expect(parseSipdCode('sub_activity', 'nope')).toMatchObject({ message: expect.stringContaining('1.02.02.2.01.0001') });
  });
});

describe('sipdExtensionProblem', () => {
  it.each([
    [null, '1.02.02.2.01', null],
    ['1.02.02', '1.02.02.2.01', null],
    ['1.02.02.2.01', '1.02.02.2.01.0001', null],
    ['1.02.02', '1.02.03.2.01', 'must extend'],
    ['1.02.02.2.01', '1.02.02.2.02.0001', 'must extend'],
    ['1.02.02', '1.02.020.2.01', 'must extend'],
  ])('parent %s, child %s', (parent, child, expected) => {
    const problem = sipdExtensionProblem(parent, child);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe('sipdPartsOf', () => {
  it('gives every part, null where the level or the code has none', () => {
    expect(sipdPartsOf('activity', '1.02.02.2.01')).toEqual({ kodeUrusan: '1', kodeBidang: '02', kodeProgram: '02', kodeGiat: '2.01', kodeSubGiat: null });
    expect(sipdPartsOf('program', null)).toEqual({ kodeUrusan: null, kodeBidang: null, kodeProgram: null, kodeGiat: null, kodeSubGiat: null });
  });
});
