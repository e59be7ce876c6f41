import { ConfigReader } from '@backstage/config';
import { readDecisionCacheTtlMs } from './permissionSettings';

const withTtl = (decisionCacheTtl: unknown) =>
  new ConfigReader({
    serviceGuidelines: { permissions: { decisionCacheTtl } },
  } as never);

describe('readDecisionCacheTtlMs', () => {
  it('is 10 seconds when not configured', () => {
    expect(readDecisionCacheTtlMs(new ConfigReader({}))).toBe(10_000);
  });

  it('reads a duration as a string or an object', () => {
    expect(readDecisionCacheTtlMs(withTtl('30s'))).toBe(30_000);
    expect(readDecisionCacheTtlMs(withTtl('PT1M'))).toBe(60_000);
    expect(readDecisionCacheTtlMs(withTtl({ seconds: 5 }))).toBe(5_000);
  });

  it('is 0, the cache off, for a zero duration', () => {
    expect(readDecisionCacheTtlMs(withTtl('0s'))).toBe(0);
    expect(readDecisionCacheTtlMs(withTtl({ seconds: 0 }))).toBe(0);
  });

  it('names the key for a value that is no duration', () => {
    expect(() => readDecisionCacheTtlMs(withTtl('soon'))).toThrow(
      /serviceGuidelines\.permissions\.decisionCacheTtl/,
    );
  });
});
