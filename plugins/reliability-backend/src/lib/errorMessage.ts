// Long upstream bodies (an HTML error page, say) are useless in a health
// panel; keep the start, which carries the status and the reason.
const MAX_MESSAGE_LENGTH = 500;

/**
 * The message of an error, for health records, responses and logs. Only the
 * message is kept: never the stack, the cause or attached request details,
 * which could carry request headers with credentials.
 */
export function errorMessage(error: unknown): string {
  let message: string;
  if (error instanceof Error) {
    message = error.message || error.name;
  } else if (typeof error === 'string') {
    message = error;
  } else {
    message = 'unknown error';
  }
  message = message.trim() || 'unknown error';
  return message.length > MAX_MESSAGE_LENGTH
    ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…`
    : message;
}
