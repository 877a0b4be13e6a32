import { decodePointer, encodePointerSegment } from './jsonPointer';

describe('JSON pointers', () => {
  it('round-trips keys holding slashes and tildes', () => {
    const keys = ['paths', '/reviews/{id}', 'a~b', '0'];
    const pointer = `#/${keys.map(encodePointerSegment).join('/')}`;
    expect(pointer).toBe('#/paths/~1reviews~1{id}/a~0b/0');
    expect(decodePointer(pointer)).toEqual(keys);
    expect(decodePointer(pointer.slice(1))).toEqual(keys);
  });

  it('reads the empty pointer as no keys', () => {
    expect(decodePointer('')).toEqual([]);
    expect(decodePointer('#')).toEqual([]);
  });
});
