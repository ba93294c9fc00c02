import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StoredHtml } from './StoredHtml';

describe('stored text shown as HTML', () => {
  it('keeps the formatting a head teacher wrote', () => {
    const { container } = render(<StoredHtml html="<p>Bring a <strong>coat</strong> and <a href='https://example.org/trip'>the form</a></p>" />);
    expect(container.querySelector('strong')?.textContent).toBe('coat');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.org/trip');
  });

  it('drops scripts, event handlers and javascript: links that slipped into the stored HTML', () => {
    const { container } = render(
      <StoredHtml html={'<p onclick="steal()">Hi</p><script>steal()</script><img src=x onerror="steal()"><a href="javascript:steal()">x</a>'} />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.innerHTML).not.toContain('onerror');
    expect(container.innerHTML).not.toContain('onclick');
    expect(container.innerHTML).not.toContain('javascript:');
    expect(container.textContent).toContain('Hi');
  });
});
