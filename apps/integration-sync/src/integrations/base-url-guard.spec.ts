import { AllowedHosts, assertBaseUrlAllowed, isPublicAddress } from './base-url-guard';

describe('SSRF guard', () => {
  it.each([
    ['8.8.8.8', true],
    ['203.0.113.10', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['172.20.1.1', false],
    ['192.168.0.5', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fd00:ec2::254', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['not-an-ip', false],
  ])('%s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  const resolveTo = (addresses: string[]) => async () => addresses;

  it('refuses a public name that resolves to a private address, and accepts it once allow-listed', async () => {
    const none = new AllowedHosts('');
    await expect(assertBaseUrlAllowed('https://sipd.example.go.id/api', none, resolveTo(['203.0.113.7']))).resolves.toBeUndefined();
    await expect(assertBaseUrlAllowed('https://sipd.example.go.id/api', none, resolveTo(['203.0.113.7', '10.0.0.2']))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(assertBaseUrlAllowed('http://simulator:4010/sipd', new AllowedHosts('simulator:4010'), resolveTo(['172.18.0.4']))).resolves.toBeUndefined();
    await expect(assertBaseUrlAllowed('http://simulator:4011/sipd', new AllowedHosts('simulator:4010'), resolveTo(['172.18.0.4']))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(assertBaseUrlAllowed('http://simulator/sipd', new AllowedHosts('SIMULATOR'), resolveTo(['172.18.0.4']))).resolves.toBeUndefined();
  });

  it('refuses other schemes, user:password in the URL, and names that do not resolve', async () => {
    const none = new AllowedHosts('');
    await expect(assertBaseUrlAllowed('file:///etc/passwd', none)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(assertBaseUrlAllowed('https://a:b@example.org/', none, resolveTo(['203.0.113.7']))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(assertBaseUrlAllowed('https://nowhere.invalid/', none, () => Promise.reject(new Error('ENOTFOUND')))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
