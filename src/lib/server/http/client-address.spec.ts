import { describe, expect, it } from 'vitest';
import { addressFromHeader, clientAddress, readAddressSettings } from './client-address';

const event = (headers: Record<string, string>, peer = '10.0.0.1') => ({
	request: new Request('http://localhost/', { headers }),
	getClientAddress: () => peer
});

describe('clientAddress', () => {
	it('uses the peer address when no proxy is trusted, ignoring a forged X-Forwarded-For', () => {
		const settings = readAddressSettings({});
		expect(clientAddress(event({ 'x-forwarded-for': '1.2.3.4' }), settings)).toBe('10.0.0.1');
		expect(clientAddress({ headers: { 'x-forwarded-for': '1.2.3.4' }, address: '10.0.0.2' }, settings)).toBe('10.0.0.2');
	});

	it('behind a trusted proxy takes the rightmost X-Forwarded-For entry (XFF_DEPTH=1)', () => {
		const settings = readAddressSettings({ TRUST_PROXY: '1' });
		expect(clientAddress(event({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), settings)).toBe('203.0.113.7');
		expect(clientAddress({ headers: { 'x-forwarded-for': '203.0.113.8' }, address: '10.0.0.2' }, settings)).toBe('203.0.113.8');
	});

	it('honours XFF_DEPTH and ADDRESS_HEADER', () => {
		expect(addressFromHeader('1.1.1.1, 2.2.2.2, 3.3.3.3', readAddressSettings({ TRUST_PROXY: '1', XFF_DEPTH: '2' }))).toBe('2.2.2.2');
		const realIp = readAddressSettings({ ADDRESS_HEADER: 'X-Real-IP' });
		expect(clientAddress(event({ 'x-real-ip': '2001:db8::1' }), realIp)).toBe('2001:db8::1');
	});

	it('falls back to the peer for a missing or malformed header', () => {
		const settings = readAddressSettings({ TRUST_PROXY: '1' });
		expect(clientAddress(event({}), settings)).toBe('10.0.0.1');
		expect(clientAddress(event({ 'x-forwarded-for': 'not-an-address' }), settings)).toBe('10.0.0.1');
		expect(addressFromHeader('1.1.1.1', readAddressSettings({ TRUST_PROXY: '1', XFF_DEPTH: '3' }))).toBeNull();
	});
});
