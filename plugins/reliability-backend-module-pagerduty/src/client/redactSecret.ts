/**
 * Removes a secret from text that may end up in an error or a log line.
 * Upstream messages and network errors are not supposed to echo the token,
 * but a misconfigured proxy could, and one leak is too many.
 */
export function redactSecret(text: string, secret: string): string {
  if (!secret || secret.length < 4) {
    return text;
  }
  return text.split(secret).join('[redacted]');
}
