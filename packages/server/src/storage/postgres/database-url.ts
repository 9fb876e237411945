/** The URL with its password replaced by `***`, for banners, logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Unparseable: still never echo what could be a password.
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
