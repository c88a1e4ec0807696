/**
 * The service worker's pure parts: the Range header it answers from a kept file (expected values worked out by hand
 * from RFC 9110 §14.1.2 on a 1,000-byte file) and the script written for a release.
 */
import { describe, expect, it } from 'vitest';
import { byteRange, serviceWorkerSource } from '../../src/offline/service-worker.ts';

describe('byteRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=990-', { start: 990, end: 999 }],
    ['bytes=-8', { start: 992, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=999-999', { start: 999, end: 999 }],
  ])('%s of a 1,000-byte file', (header, expected) => {
    expect(byteRange(header, 1000)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=20-10', 'bytes=-0', 'bytes=-', 'items=0-9', 'bytes=0-9,20-29', ''])('refuses %j', (header) => {
    expect(byteRange(header, 1000)).toBeNull();
  });
});

describe('serviceWorkerSource', () => {
  it('is a script for the release, naming its cache', () => {
    const source = serviceWorkerSource('abc123');
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('"abc123", "cto-"');
    expect(serviceWorkerSource('def456')).not.toBe(source);
  });
});
