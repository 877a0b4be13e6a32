/**
 * Asserts that `elements` are named `names`, in this order, as assistive
 * technology reads them (not their concatenated text).
 */
export function expectAccessibleNames(
  elements: HTMLElement[],
  names: Array<string | RegExp>,
) {
  expect(elements).toHaveLength(names.length);
  elements.forEach((element, index) =>
    expect(element).toHaveAccessibleName(names[index]),
  );
}
