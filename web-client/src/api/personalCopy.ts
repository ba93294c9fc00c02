/**
 * A copy of what one signed-in person may read, kept in the browser's storage under `prefix` + their username for
 * when the connection drops. Only one person's copy exists at a time: keeping one drops every other person's, so
 * whoever signs in next on a shared phone never reads it. Storage that is full or refused (private browsing) keeps
 * nothing; the pages still work online.
 */
export function personalCopy<T>(storage: () => Storage, prefix: string) {
  const keys = () => {
    const found: string[] = [];
    for (let i = 0; i < storage().length; i++) {
      const key = storage().key(i);
      if (key?.startsWith(prefix)) found.push(key);
    }
    return found;
  };
  const drop = (keep?: string) => {
    try {
      keys().filter((key) => key !== keep).forEach((key) => storage().removeItem(key));
    } catch {
      // storage refused: nothing was kept
    }
  };
  return {
    keep(username: string, value: T): void {
      try {
        drop(prefix + username);
        storage().setItem(prefix + username, JSON.stringify(value));
      } catch {
        // nothing kept
      }
    },
    read(username: string): T | null {
      try {
        const kept = storage().getItem(prefix + username);
        return kept ? (JSON.parse(kept) as T) : null;
      } catch {
        return null;
      }
    },
    /** Drops every copy but this person's. */
    forgetOthers: (username: string) => drop(prefix + username),
    /** Drops every copy (sign-out, or a session that ended). */
    forgetAll: () => drop(),
  };
}
