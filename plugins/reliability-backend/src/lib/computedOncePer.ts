/**
 * `compute`, remembered per key object: each key's value is computed on its
 * first call and given back after. For values derived from objects that
 * never change once built (a resolved rubric, its checks and lists), asked
 * for once per entity of a fleet. Keys are held weakly.
 */
export function computedOncePer<Key extends object, Value>(
  compute: (key: Key) => Value,
): (key: Key) => Value {
  const values = new WeakMap<Key, Value>();
  return key => {
    if (values.has(key)) {
      return values.get(key) as Value;
    }
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
