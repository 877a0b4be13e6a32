/** Label values that try to close a PromQL string and add PromQL of their own. */
export const HOSTILE_LABEL_VALUES = [
  'checkout"}) or vector(1) or up{x="',
  'a\\"} or vector(1) #',
  'line\nbreak',
  'carriage\rreturn\ttab',
  'back\\slash\\',
  "single'quote",
  '`raw`',
  'nul\u0000byte\u0007bell\u007fdel',
  'unicode ☃ \u2028 separator',
  '#comment',
  '',
];
