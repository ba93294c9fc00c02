import { useMemo } from 'react';
import DOMPurify from 'dompurify';

/**
 * HTML the api rendered from stored Markdown, sanitised again here before it reaches the page: if the server's
 * renderer ever let a script, an event handler or a javascript: link through, the browser still never runs it.
 */
export function StoredHtml({ html, className }: { html: string | null | undefined; className?: string }) {
  const clean = useMemo(() => DOMPurify.sanitize(html ?? ''), [html]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
